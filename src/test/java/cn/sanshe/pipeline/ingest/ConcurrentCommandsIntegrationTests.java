package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.system.EmbeddedDatabaseProperties;
import cn.sanshe.pipeline.system.EmbeddedMariaDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two commands started together on one working directory, as real processes: they share one
 * embedded server, and jobs that must not overlap do not — the second either runs after the
 * first with correct results or refuses in one line naming the first. A database of its own
 * (target/test-concurrent), starting with an empty division reference.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentCommandsIntegrationTests {

    static final Path DATA = Path.of("target/test-concurrent/data").toAbsolutePath();
    static final Path BASE = Path.of("target/test-mariadb/server").toAbsolutePath();
    static final int ROWS = 40;

    static EmbeddedMariaDb server;
    static Path inbox;

    @BeforeAll
    static void start() throws Exception {
        // This test holds the server too, so it can look at the tables after the commands end.
        server = EmbeddedMariaDb.obtain(new EmbeddedDatabaseProperties(DATA, BASE, 0, "sanshe", true, "64M"));
        inbox = Files.createTempDirectory("concurrent-inbox");
        Path file = inbox.resolve("2026-10").resolve(STREET).resolve("花名册.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("姓名,身份证号,性别,学历,所属社区代码\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("工作者").append(i).append(',').append(id("19800101", 1 + 2 * i)).append(",男,本科,130102001001\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.leave();
        }
    }

    @Test
    @Order(1)
    void divisionsLoadAndIngestAtOnceNeverRejectRowsForMissingDivisions() throws Exception {
        Run load = Run.start("load", "divisions", "load", "sql/reference/divisions-130100-shijiazhuang.csv");
        Run ingest = Run.start("ingest1", "ingest", "--inbox", inbox.toString());
        load.waitFor();
        ingest.waitFor();

        assertThat(load.exit).as(load.output).isZero();
        assertThat(count("SELECT COUNT(*) FROM division")).isGreaterThan(100);
        assertThat(count("SELECT COUNT(*) FROM ingest_reject")).as("no row rejected for a missing division").isZero();
        if (ingest.exit == 0) {
            assertThat(count("SELECT COUNT(*) FROM stg_s3_worker")).isEqualTo(ROWS);
        } else {
            assertThat(ingest.failureLines()).as(ingest.output).hasSize(1);
            assertThat(ingest.failureLines().get(0)).containsAnyOf("区划表为空", "divisions load");
            assertThat(count("SELECT COUNT(*) FROM stg_s3_worker")).isZero();
            Run again = Run.start("ingest2", "ingest", "--inbox", inbox.toString());
            again.waitFor();
            assertThat(again.exit).as(again.output).isZero();
            assertThat(count("SELECT COUNT(*) FROM stg_s3_worker")).isEqualTo(ROWS);
        }
        assertThat(count("SELECT COUNT(*) FROM ingest_reject")).isZero();
    }

    @Test
    @Order(2)
    void twoIngestsAtOnceNeverOverlap() throws Exception {
        Path second = inbox.resolve("2026-11").resolve(STREET).resolve("花名册.csv");
        Files.createDirectories(second.getParent());
        Files.writeString(second, Files.readString(inbox.resolve("2026-10").resolve(STREET).resolve("花名册.csv"))
                .replace("工作者", "职工"), StandardCharsets.UTF_8);

        Run one = Run.start("ingest3", "ingest", "--inbox", inbox.toString());
        Run two = Run.start("ingest4", "ingest", "--inbox", inbox.toString());
        one.waitFor();
        two.waitFor();

        int refused = 0;
        for (Run run : List.of(one, two)) {
            if (run.exit != 0) {
                refused++;
                assertThat(run.failureLines()).as(run.output).hasSize(1);
                assertThat(run.failureLines().get(0)).contains("另一个命令正在运行：ingest --inbox");
            }
        }
        assertThat(refused).as(one.output + "\n---\n" + two.output).isLessThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM stg_s3_worker")).as("each row once").isEqualTo(2 * ROWS);
        assertThat(count("SELECT COUNT(*) FROM ingest_file WHERE status = 'loaded'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isZero();
    }

    static int count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/sanshe?sslMode=DISABLED&allowPublicKeyRetrieval=true", server.username(), server.password());
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** One command as its own JVM, as an operator starts it, on this test's data directory. */
    static final class Run {
        final Process process;
        final Path log;
        int exit;
        String output;

        private Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Run start(String name, String... command) throws Exception {
            return start(DATA, name, command);
        }

        static Run start(Path data, String name, String... command) throws Exception {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-cp", classpath, PipelineApplication.class.getName()));
            args.addAll(List.of(command));
            args.addAll(List.of("--pipeline.embedded-db.data-dir=" + data, "--pipeline.embedded-db.base-dir=" + BASE,
                    "--pipeline.embedded-db.fresh-start=false", "--pipeline.embedded-db.buffer-pool=64M",
                    "--logging.file.name=" + data.getParent().resolve(name + ".log")));
            Path out = Files.createDirectories(data.getParent()).resolve(name + ".out");
            Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return new Run(process, out);
        }

        void waitFor() throws Exception {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("command did not end within 5 minutes");
            }
            exit = process.exitValue();
            output = Files.readString(log, StandardCharsets.UTF_8);
        }

        List<String> failureLines() {
            return output.lines().filter(line -> line.startsWith("失败：")).toList();
        }
    }
}
