package cn.sanshe.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server as a local user and an unlucky operator meet it: grants on, a password only
 * its owner can read; several processes on one data directory; a process killed with kill -9.
 * Each test has a data directory of its own under target/, beside the shared server binaries.
 */
class EmbeddedServerLifecycleTests {

    static final Path BASE = Path.of("target/test-mariadb/server").toAbsolutePath();

    /** One data directory for all (installed once); each test leaves the server stopped. */
    static Path dataDir;

    @BeforeAll
    static void dataDir() throws Exception {
        dataDir = Path.of("target/test-lifecycle/mariadb").toAbsolutePath();
    }

    @BeforeEach
    void noServerLeftRunning() throws Exception {
        assertThat(serverProcess()).as("each test starts with the server stopped").isEmpty();
    }

    EmbeddedDatabaseProperties properties() {
        return new EmbeddedDatabaseProperties(dataDir, BASE, 0, "sanshe", false, "64M");
    }

    static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED"
                + "&allowPublicKeyRetrieval=true&connectTimeout=5000", user, password);
    }

    static Optional<ProcessHandle> serverProcess() throws Exception {
        Path pidFile = EmbeddedMariaDb.sibling(dataDir, ".pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
    }

    @Test
    void onlyThePasswordKeptBesideTheDataConnects() throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.obtain(properties());
        try {
            Path passwordFile = EmbeddedMariaDb.sibling(dataDir, ".password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThan(20);

            try (Connection connection = connect(server.port(), server.username(), server.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            for (String[] attempt : List.of(new String[] {server.username(), "wrong"},
                    new String[] {server.username(), ""}, new String[] {"root", ""}, new String[] {"root", "root"},
                    new String[] {"", ""}, new String[] {"mysql", ""})) {
                assertThatThrownBy(() -> connect(server.port(), attempt[0], attempt[1]).close())
                        .as("%s / '%s'", attempt[0], attempt[1])
                        .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            }
        } finally {
            server.leave();
        }
        assertThat(serverProcess()).as("the last user stopped it").isEmpty();
    }

    @Test
    void theServerOutlivesTheProcessThatStartedItWhileAnotherUsesItAndStopsWithTheLast() throws Exception {
        Process starter = child(4_000);
        int port = readyPort(starter);
        EmbeddedMariaDb joined = EmbeddedMariaDb.obtain(properties());
        try {
            assertThat(joined.port()).isEqualTo(port);
            assertThat(starter.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(starter.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("RELEASED");

            // the starter is gone; the server is still here for this process
            try (Connection connection = connect(port, joined.username(), joined.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS sanshe.t (x INT)");
            }
            assertThat(serverProcess()).isPresent();
        } finally {
            joined.leave();
        }
        assertThat(serverProcess()).as("the last user stopped it").isEmpty();
    }

    @Test
    void anOrphanLeftByKillMinusNineIsAdoptedByTheNextCommandAndStoppedWhenItEnds() throws Exception {
        Process starter = child(600_000);
        int port = readyPort(starter);
        ProcessHandle server = serverProcess().orElseThrow();
        starter.destroyForcibly().waitFor();   // kill -9: no shutdown hook, no release
        assertThat(server.isAlive()).as("orphaned").isTrue();

        EmbeddedMariaDb next = EmbeddedMariaDb.obtain(properties());
        assertThat(next.port()).as("adopted, not started anew").isEqualTo(port);
        assertThat(serverProcess().map(ProcessHandle::pid)).contains(server.pid());
        next.leave();

        assertThat(server.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(EmbeddedMariaDb.sibling(dataDir, ".users").toFile().list()).isEmpty();
    }

    @Test
    void twoProcessesStartingTogetherShareOneServer() throws Exception {
        Process first = child(3_000);
        Process second = child(3_000);
        int one = readyPort(first);
        int two = readyPort(second);

        assertThat(two).isEqualTo(one);
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(second.exitValue()).isZero();
        Thread.sleep(500);
        assertThat(serverProcess()).as("stopped by whichever left last").isEmpty();
    }

    private Process child(long holdMillis) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                classpath, EmbeddedServerProcess.class.getName(), dataDir.toString(), BASE.toString(),
                Long.toString(holdMillis)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int readyPort(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("the child process never had the server");
    }
}
