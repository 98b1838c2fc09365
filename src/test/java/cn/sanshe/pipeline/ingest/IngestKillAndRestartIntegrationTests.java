package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's worst night: the ingest process is killed (kill -9) in the middle of a large
 * file, and {@code jobs restart} finishes it. The end state equals an uninterrupted run.
 */
@SpringBootTest
class IngestKillAndRestartIntegrationTests {

    static final int ROWS = 300_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    JobControl jobs;

    @TempDir
    Path inbox;

    // The child must join this JVM's server, wherever this run put it.
    @org.springframework.beans.factory.annotation.Value("${pipeline.embedded-db.data-dir}")
    String dataDir;

    @Test
    void restartAfterKillLoadsEveryRowOnce() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        Path file = inbox.resolve("2026-10").resolve(STREET).resolve("花名册.csv");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("姓名,身份证号,性别,学历,所属社区代码\n");
            for (int i = 0; i < ROWS; i++) {
                // Every 1000th row is wrong (gender against the id), so rejects are resumed too.
                String gender = i % 1000 == 999 ? "女" : "男";
                out.write("工作者" + i + "," + id("1980" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28), 1 + 2 * (i % 400))
                        + "," + gender + ",本科,130102001001\n");
            }
        }

        Process child = startIngestProcess();
        long before = waitForRowsThenKill(child);
        assertThat(before).as("killed part-way, not before or after the file").isBetween(1L, ROWS - 1L);
        Long executionId = jdbc.queryForObject(
                "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                        + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ingestJob'", Long.class);
        assertThat(jobs.execution(executionId).getStatus()).isEqualTo(BatchStatus.STARTED);

        JobOutcome restarted = jobs.restart(executionId, false);

        assertThat(restarted.succeeded()).as(restarted.describe()).isTrue();
        int rejected = ROWS / 1000;
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isEqualTo(ROWS - rejected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject", Integer.class)).isEqualTo(rejected);
        assertThat(jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_rejected, rows_skipped FROM ingest_sheet"))
                .containsEntry("rows_read", ROWS).containsEntry("rows_loaded", ROWS - rejected)
                .containsEntry("rows_rejected", rejected).containsEntry("rows_skipped", 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT row_no) FROM stg_s3_worker", Integer.class))
                .isEqualTo(ROWS - rejected);
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_file", String.class)).isEqualTo("loaded");
    }

    private Process startIngestProcess() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, PipelineApplication.class.getName(), "ingest", "--inbox", inbox.toString(),
                // Join this JVM's embedded server instead of wiping it.
                "--pipeline.embedded-db.fresh-start=false", "--pipeline.embedded-db.data-dir=" + dataDir,
                "--pipeline.ingest.chunk-size=500",
                "--logging.file.name=target/kill-test-child.log"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target/kill-test-child.out").toFile()).start();
    }

    private long waitForRowsThenKill(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && child.isAlive()) {
            long loaded = jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Long.class);
            if (loaded >= 20_000) {
                child.destroyForcibly().waitFor();   // SIGKILL: no shutdown hooks, no clean-up
                return jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Long.class);
            }
            Thread.sleep(20);
        }
        child.destroyForcibly().waitFor();
        return jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Long.class);
    }
}
