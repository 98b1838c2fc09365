package cn.sanshe.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.demo.DemoInbox;
import cn.sanshe.pipeline.indicators.IndicatorService;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.IndicatorsRun;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remote partitioning end to end: a manager (this JVM, with the embedded Artemis broker) and two
 * worker JVMs ({@code worker}) on the shared embedded MariaDB ingest and reconcile the demo inbox.
 * One worker is killed with {@code kill -9} in the middle of an ingest partition; the manager's
 * step times out, operators' {@code jobs restart} recovers the execution and restarts it, and only
 * the lost partition runs again. The master records (by their source rows) and the city's
 * indicator values then equal those of the same inbox run on one node, and no partition has
 * completed twice. Then {@code indicatorsJob} runs on the surviving worker, one partition per scope,
 * and every scope's stored values equal the single-node job's.
 */
class RemotePartitioningIntegrationTests {

    private static final Pattern RUNS = Pattern.compile("worker (\\S+) runs partition (\\S+) \\(step execution (\\d+)\\)");
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final String CITY = "130100000000";

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    record Result(List<String> orgMasters, List<String> workerMasters, List<IndicatorValue> city, Map<String, Object> staged) {
    }

    /** {@code indicatorsJob} of the last month: every scope's stored values, by scope. */
    private static Map<String, List<IndicatorValue>> indicatorsJob(ConfigurableApplicationContext context) throws Exception {
        IndicatorsRun.Result run = context.getBean(IndicatorsRun.class).allScopes(MONTHS.get(1), List.of("shijiazhuang-2020"));
        assertThat(run.outcome().succeeded()).as(run.outcome().describe()).isTrue();
        IndicatorService indicators = context.getBean(IndicatorService.class);
        Map<String, List<IndicatorValue>> values = new java.util.TreeMap<>();
        run.runsByScope().forEach((scope, runs) -> values.put(scope, indicators.stored(runs.get(0))));
        return values;
    }

    @Test
    void aWorkerKilledMidPartitionLosesOnlyItsPartitionAndTheResultIsTheSingleNodeOne(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        DemoInbox.write(inbox, MONTHS, 20261006L);

        Result single;
        Map<String, List<IndicatorValue>> singleIndicators;
        try (ConfigurableApplicationContext local = context(List.of("--pipeline.partitioning.mode=local"))) {
            JdbcTemplate jdbc = local.getBean(JdbcTemplate.class);
            PipelineTables.reset(local, jdbc);
            assertThat(local.getBean(IngestRun.class).inbox(inbox, null).outcome().succeeded()).isTrue();
            assertThat(local.getBean(ReconcileRun.class).run(null).succeeded()).isTrue();
            single = result(local, jdbc);
            singleIndicators = indicatorsJob(local);
        }
        assertThat(singleIndicators).containsKeys("000000000000", "130000000000", CITY);
        assertThat(single.orgMasters()).isNotEmpty();

        int brokerPort = freePort();
        try (ConfigurableApplicationContext manager = context(List.of("--pipeline.partitioning.mode=remote",
                "--pipeline.partitioning.embedded-broker=true",
                "--pipeline.partitioning.broker-url=tcp://127.0.0.1:" + brokerPort,
                "--pipeline.partitioning.poll-interval=200ms", "--pipeline.partitioning.timeout=120s"))) {
            JdbcTemplate jdbc = manager.getBean(JdbcTemplate.class);
            PipelineTables.reset(manager, jdbc);
            Path logs = Path.of("target", "remote-partitioning");   // kept after the test, to read what the workers did
            Files.createDirectories(logs);
            Path logA = logs.resolve("worker-a.log");
            Path logB = logs.resolve("worker-b.log");
            for (Path log : List.of(logA, logB, logs.resolve("worker-a.log.file"), logs.resolve("worker-b.log.file"))) {
                Files.deleteIfExists(log);
            }
            Process a = worker(manager, brokerPort, logA);
            Process b = worker(manager, brokerPort, logB);
            waitForLine(logA, "工作节点已启动");
            waitForLine(logB, "工作节点已启动");

            IngestRun ingest = manager.getBean(IngestRun.class);
            var running = new java.util.concurrent.FutureTask<>(() -> ingest.inbox(inbox, null).outcome());
            new Thread(running, "manager").start();
            String lost = killMidPartition(jdbc, a, logA);
            JobOutcome first = running.get();
            assertThat(first.succeeded()).as("the manager gives up on the lost partition").isFalse();

            JobOutcome restarted = manager.getBean(JobControl.class).restart(first.executionId(), false);
            assertThat(restarted.succeeded()).as(restarted.describe()).isTrue();
            assertThat(partitions(jdbc, restarted.executionId())).as("only the lost partition runs again")
                    .containsExactly(lost);
            List<Map<String, Object>> completed = jdbc.queryForList("""
                    SELECT s.STEP_NAME, COUNT(*) n FROM BATCH_STEP_EXECUTION s
                    WHERE s.JOB_EXECUTION_ID IN (?, ?) AND s.STEP_NAME LIKE 'ingestDistrictStep:%' AND s.STATUS = 'COMPLETED'
                    GROUP BY s.STEP_NAME""", first.executionId(), restarted.executionId());
            assertThat(completed).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("n")).intValue())
                    .as("%s completed once", row.get("STEP_NAME")).isEqualTo(1));

            assertThat(manager.getBean(ReconcileRun.class).run(null).succeeded()).isTrue();
            Result remote = result(manager, jdbc);
            assertThat(remote.staged()).isEqualTo(single.staged());
            assertThat(remote.orgMasters()).isEqualTo(single.orgMasters());
            assertThat(remote.workerMasters()).isEqualTo(single.workerMasters());
            assertThat(remote.city()).isEqualTo(single.city());
            String workerB = Files.readString(logB.resolveSibling(logB.getFileName() + ".file"));
            assertThat(workerB).contains("runs partition");
            // the request A held unacknowledged came back to B, which saw the partition claimed and left it
            assertThat(workerB).contains("不再运行：重复投递的请求");

            // indicators partitioned by scope on the surviving worker: every scope's values as on one node
            Map<String, List<IndicatorValue>> remoteIndicators = indicatorsJob(manager);
            assertThat(remoteIndicators.keySet()).isEqualTo(singleIndicators.keySet());
            remoteIndicators.forEach((scope, values) -> assertThat(values).as(scope).isNotEmpty()
                    .isEqualTo(singleIndicators.get(scope)));
            Matcher scopes = Pattern.compile("runs partition indicatorsScopeStep:scope-(\\d{12})")
                    .matcher(Files.readString(logB.resolveSibling(logB.getFileName() + ".file")));
            List<String> taken = new ArrayList<>();
            while (scopes.find()) {
                taken.add(scopes.group(1));
            }
            // one worker of one thread takes them as sent: the largest first (the root, provinces, cities, districts)
            assertThat(taken).as("worker B computed every scope, largest first").containsExactlyElementsOf(
                    taken.stream().sorted(java.util.Comparator.comparingInt((String code) -> code.replaceAll("0+$", "").length() <= 2
                            ? code.replaceAll("0+$", "").length() == 0 ? 0 : 1 : code.replaceAll("0+$", "").length() <= 4 ? 2 : 3)
                            .thenComparing(code -> code)).toList())
                    .containsExactlyInAnyOrderElementsOf(remoteIndicators.keySet());
            b.destroy();
        }
    }

    /** Waits for worker A to be inside a partition (a chunk committed), kills it with SIGKILL; its partition's name. */
    private String killMidPartition(JdbcTemplate jdbc, Process a, Path logA) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Path file = logA.resolveSibling(logA.getFileName() + ".file");   // INFO lines go to the log file only
            Matcher m = RUNS.matcher(Files.exists(file) ? Files.readString(file) : "");
            String current = null;
            long id = 0;
            while (m.find()) {
                current = m.group(2);
                id = Long.parseLong(m.group(3));
            }
            if (current != null) {
                List<Map<String, Object>> step = jdbc.queryForList(
                        "SELECT STATUS, COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?", id);
                if (!step.isEmpty() && "STARTED".equals(step.get(0).get("STATUS"))
                        && ((Number) step.get(0).get("COMMIT_COUNT")).longValue() >= 1) {
                    a.destroyForcibly();   // SIGKILL: no shutdown hook, no acknowledgement, no status update
                    a.waitFor();
                    return current;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("worker A never got into a partition:\n" + Files.readString(logA));
    }

    private static List<String> partitions(JdbcTemplate jdbc, long executionId) {
        return jdbc.queryForList("""
                SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'ingestDistrictStep:%'
                ORDER BY STEP_NAME""", String.class, executionId);
    }

    private Process worker(ConfigurableApplicationContext manager, int brokerPort, Path log) throws IOException {
        HikariDataSource dataSource = (HikariDataSource) manager.getBean(DataSource.class);
        Path key = Path.of("target/test-mariadb/identity.key");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PipelineApplication.class.getName(), "worker",
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(), "--pipeline.partitioning.mode=remote",
                "--pipeline.partitioning.broker-url=tcp://127.0.0.1:" + brokerPort,
                "--pipeline.partitioning.worker-threads=1", "--pipeline.ingest.chunk-size=50",
                "--logging.file.name=" + log.resolveSibling(log.getFileName() + ".file"));
        builder.environment().put("PIPELINE_IDENTITY_KEY", Files.readString(key).trim());
        // the embedded server's generated password (grants are on), by the environment, not the command line
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        workers.add(process);
        return process;
    }

    private static void waitForLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no “" + text + "” in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static ConfigurableApplicationContext context(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--pipeline.ingest.chunk-size=50");
        return new SpringApplicationBuilder(PipelineApplication.class).web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
    }

    /** Masters as the sets of source rows (file, sheet, row) behind each: ids differ from run to run, rows do not. */
    private static Result result(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        List<String> orgs = jdbc.queryForList("""
                SELECT GROUP_CONCAT(CONCAT(f.path, ':', s.sheet_name, ':', t.row_no) ORDER BY f.path, s.sheet_name, t.row_no)
                FROM org_source o JOIN org_master m ON m.id = o.master_id
                JOIN (SELECT 'S2' AS template, id, sheet_id, row_no FROM stg_s2_org_ledger
                      UNION ALL SELECT 'D1', id, sheet_id, row_no FROM stg_d1_org_registry) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                GROUP BY COALESCE(m.merged_into, o.master_id) ORDER BY 1""", String.class);
        List<String> people = jdbc.queryForList("""
                SELECT GROUP_CONCAT(CONCAT(f.path, ':', s.sheet_name, ':', t.row_no) ORDER BY f.path, s.sheet_name, t.row_no)
                FROM worker_source o
                JOIN (SELECT 'S3' AS template, id, sheet_id, row_no FROM stg_s3_worker
                      UNION ALL SELECT 'D3', id, sheet_id, row_no FROM stg_d3_certificate) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                GROUP BY o.master_id ORDER BY 1""", String.class);
        List<IndicatorValue> city = context.getBean(IndicatorService.class).compute(CITY, MONTHS.get(1), "shijiazhuang-2020");
        Map<String, Object> staged = jdbc.queryForMap("""
                SELECT (SELECT COUNT(*) FROM stg_s1_community) s1, (SELECT COUNT(*) FROM stg_s2_org_ledger) s2,
                       (SELECT COUNT(*) FROM stg_s3_worker) s3, (SELECT COUNT(*) FROM stg_d1_org_registry) d1,
                       (SELECT COUNT(*) FROM stg_d3_certificate) d3, (SELECT COUNT(*) FROM ingest_reject) rejects""");
        return new Result(orgs, people, city, staged);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
