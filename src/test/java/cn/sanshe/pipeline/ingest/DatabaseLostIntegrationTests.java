package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database dies under a running ingest (its server process killed): the command ends within a
 * minute, naming the execution and the command that continues it, instead of minutes of silence.
 * A database of its own (target/test-db-lost), as the server is killed.
 */
class DatabaseLostIntegrationTests {

    static final Path DATA = Path.of("target/test-db-lost/data").toAbsolutePath();

    @Test
    void aLostDatabaseFailsTheRunWithinAMinuteNamingTheExecutionAndTheRestartCommand() throws Exception {
        // a database of its own, new each time: rows of an earlier run must not count as this one's
        IngestFixtures.deleteRecursively(DATA.getParent());
        ConcurrentCommandsIntegrationTests.Run load = run("load", "divisions", "load",
                "sql/reference/divisions-130100-shijiazhuang.csv");
        load.waitFor();
        assertThat(load.exit).as(load.output).isZero();

        Path inbox = Files.createTempDirectory("db-lost-inbox");
        Path file = inbox.resolve("2026-10").resolve(STREET).resolve("花名册.csv");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("姓名,身份证号,性别,学历,所属社区代码\n");
            for (int i = 0; i < 300_000; i++) {
                out.write("工作者" + i + "," + id("1980" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28),
                        1 + 2 * (i % 400)) + ",男,本科,130102001001\n");
            }
        }
        ConcurrentCommandsIntegrationTests.Run ingest = run("ingest", "ingest", "--inbox", inbox.toString());

        String password = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Path portFile = DATA.resolveSibling("data.port");
            Path passwordFile = DATA.resolveSibling("data.password");
            if (Files.isRegularFile(portFile) && Files.isRegularFile(passwordFile)) {
                password = Files.readString(passwordFile).strip();
                if (stagedRows(Integer.parseInt(Files.readString(portFile).strip()), password) > 5_000) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readString(DATA.resolveSibling("data.pid"))
                .strip())).orElseThrow();
        server.destroyForcibly();
        long killed = System.nanoTime();

        ingest.waitFor();
        Duration toEnd = Duration.ofNanos(System.nanoTime() - killed);

        System.out.println("command ended " + toEnd.toMillis() + " ms after the server was killed:\n"
                + ingest.failureLines());
        assertThat(toEnd).isLessThan(Duration.ofMinutes(1));
        assertThat(ingest.exit).as(ingest.output).isNotZero();
        assertThat(ingest.output).containsPattern("执行号 \\d+").containsPattern("jobs restart \\d+")
                .contains("数据库连接中断");
    }

    private static long stagedRows(int port, String password) {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port
                + "/sanshe?sslMode=DISABLED&allowPublicKeyRetrieval=true", "sanshe", password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM stg_s3_worker")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return 0;
        }
    }

    private static ConcurrentCommandsIntegrationTests.Run run(String name, String... command) throws Exception {
        return ConcurrentCommandsIntegrationTests.Run.start(DATA, name, command);
    }
}
