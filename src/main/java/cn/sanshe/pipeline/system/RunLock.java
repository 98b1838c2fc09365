package cn.sanshe.pipeline.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Work that must not overlap, across every process on the database (commands, the scheduler,
 * other hosts of a cluster): a named lock of the database server, held on a connection of its
 * own for as long as the work runs. The server frees it when that connection ends, so a killed
 * holder frees it too. A second comer waits up to {@code pipeline.run-lock.wait} (default: not at
 * all), then refuses in one line naming what runs, where and since when.
 *
 * <p>Reentrant within a thread: {@code demo} loads divisions and ingests under the one lock.
 */
@Component
public class RunLock {

    /** Divisions load and ingest: an ingest must see the reference whole, never half-loaded. */
    public static final String INGEST = "ingest";
    /** Two indicator jobs at once would compute the same scopes twice. */
    public static final String INDICATORS = "indicators";

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final ThreadLocal<Map<String, Held>> HELD = ThreadLocal.withInitial(HashMap::new);

    private final DataSource dataSource;
    private final Duration wait;
    private final String schema;

    RunLock(DataSource dataSource, @Value("${pipeline.run-lock.wait:PT0S}") Duration wait) {
        this.dataSource = dataSource;
        this.wait = wait;
        this.schema = schemaOf(dataSource);
    }

    /** What another command is refused with, in one line. */
    public static final class RefusedException extends IllegalStateException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** Held until closed; closing in another order than taken is allowed. */
    public final class Held implements AutoCloseable {
        private final String name;
        private final Connection connection;
        private int depth = 1;

        private Held(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        @Override
        public void close() {
            if (--depth > 0) {
                return;
            }
            HELD.get().remove(name);
            try (connection) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run_lock WHERE name = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
                try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, lockName(name));
                    release.execute();
                }
            } catch (SQLException e) {
                // the connection is gone, and with it the lock
                log.warn("run lock {}: release failed: {}", name, e.getMessage());
            }
        }
    }

    /**
     * Takes the lock for {@code what} (the command as an operator would type it), or refuses.
     *
     * @throws RefusedException when another holds it past the wait
     */
    public Held hold(String name, String what) {
        Held mine = HELD.get().get(name);
        if (mine != null) {
            mine.depth++;
            return mine;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            boolean taken = getLock(connection, name, wait);
            String holder = taken ? null : describeHolder(connection, name);
            // No row: the holder has the lock but has not written who it is yet, or has just deleted its
            // row and is letting go. Either passes in milliseconds: look again for a moment, so the
            // refusal names the command (or the lock, once free, is ours).
            for (int look = 0; !taken && holder == null && look < 40; look++) {
                Thread.sleep(50);
                taken = getLock(connection, name, Duration.ZERO);
                holder = taken ? null : describeHolder(connection, name);
            }
            if (!taken) {
                holder = holder == null ? "（正在登记中的命令）" : holder;
                connection.close();
                throw new RefusedException("另一个命令正在运行：" + holder + "；它与本命令（" + what
                        + "）不能同时运行，本命令未执行，请等它结束后再试");
            }
            try (PreparedStatement write = connection.prepareStatement("""
                    REPLACE INTO run_lock (name, holder, host, pid, started_at) VALUES (?, LEFT(?, 500), ?, ?, ?)""")) {
                write.setString(1, name);
                write.setString(2, what);
                write.setString(3, host());
                write.setLong(4, ProcessHandle.current().pid());
                write.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
                write.executeUpdate();
            }
            Held held = new Held(name, connection);
            HELD.get().put(name, held);
            return held;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("无法取得运行锁 " + name + "：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection);
            throw new IllegalStateException("等待运行锁 " + name + " 时被中断", e);
        }
    }

    private boolean getLock(Connection connection, String name, Duration wait) throws SQLException {
        try (PreparedStatement get = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            get.setString(1, lockName(name));
            get.setLong(2, wait.toSeconds());
            try (ResultSet rs = get.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /** Who holds the lock, as its row says; null when there is no row (it is being taken or let go). */
    private String describeHolder(Connection connection, String name) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT holder, host, pid, started_at FROM run_lock WHERE name = ?")) {
            read.setString(1, name);
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    LocalDateTime started = rs.getObject(4, LocalDateTime.class);
                    return rs.getString(1) + "（主机 " + rs.getString(2) + "，进程 " + rs.getLong(3) + "，开始于北京时间 "
                            + BEIJING.format(started.toInstant(ZoneOffset.UTC)) + "）";
                }
            }
        }
        return null;
    }

    // Named locks are server-wide: the schema keeps two databases on one server apart.
    private String lockName(String name) {
        return "sanshe." + schema + "." + name;
    }

    private static String schemaOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String catalog = connection.getCatalog();
            return catalog == null ? "" : catalog;
        } catch (SQLException e) {
            return "";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
