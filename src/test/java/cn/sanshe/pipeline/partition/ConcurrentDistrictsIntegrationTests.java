package cn.sanshe.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.demo.DemoInbox;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.nio.file.Files;
import cn.sanshe.pipeline.system.ServerCounters;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo city's four districts ingested four at once (a local pool of four threads, chunks of
 * 50 rows, so hundreds of small transactions meet) give exactly the rows of the same inbox ingested
 * one district at a time — staging, sheets with their accounting and supersessions, rejects, files —
 * with no failed step, no chunk rolled back and no deadlock on the server. Before ingest's chunks ran
 * under READ COMMITTED, gap locks on {@code ingest_sheet}'s shared indexes deadlocked them.
 * A corrected resubmission per district makes the supersession path run concurrently too.
 */
class ConcurrentDistrictsIntegrationTests {

    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final List<String> STAGING = List.of("stg_s1_community", "stg_s2_org_ledger", "stg_s3_worker",
            "stg_s4_street_centre", "stg_d1_org_registry", "stg_d2_incubator", "stg_d3_certificate");

    @Test
    void fourDistrictsAtOnceLoadTheRowsOfOneAtATimeWithoutADeadlock(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        DemoInbox.write(inbox, MONTHS, 20261206L);
        List<String> resubmitted = resubmitOnePerDistrict(inbox);
        assertThat(resubmitted).as("corrected rosters in several districts").hasSizeGreaterThanOrEqualTo(3);

        Map<String, List<String>> sequential;
        try (ConfigurableApplicationContext context = context(1)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            PipelineTables.reset(context, jdbc);
            JobOutcome outcome = context.getBean(IngestRun.class).inbox(inbox, null).outcome();
            assertThat(outcome.succeeded()).as(outcome.describe()).isTrue();
            assertThat(partitionSteps(jdbc, outcome.executionId())).hasSize(4);
            sequential = rows(jdbc);
        }
        assertThat(sequential.get("stg_s3_worker")).isNotEmpty();
        assertThat(sequential.get("ingest_sheet")).anyMatch(row -> row.contains("|superseded|"));

        try (ConfigurableApplicationContext context = context(4)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            PipelineTables.reset(context, jdbc);
            long deadlocksBefore = ServerCounters.deadlocks(jdbc);
            JobOutcome outcome = context.getBean(IngestRun.class).inbox(inbox, null).outcome();
            long deadlocks = ServerCounters.deadlocks(jdbc) - deadlocksBefore;
            assertThat(outcome.succeeded()).as(outcome.describe()).isTrue();
            List<Map<String, Object>> steps = partitionSteps(jdbc, outcome.executionId());
            assertThat(steps).hasSize(4).allSatisfy(step -> {
                assertThat(step.get("STATUS")).as("%s", step.get("STEP_NAME")).isEqualTo("COMPLETED");
                assertThat(((Number) step.get("ROLLBACK_COUNT")).longValue()).as("chunks of %s rolled back",
                        step.get("STEP_NAME")).isZero();
            });
            assertThat(overlapping(jdbc, outcome.executionId())).as("the four districts ran at the same time").isTrue();
            assertThat(deadlocks).as("InnoDB deadlocks during the concurrent ingest").isZero();
            Map<String, List<String>> concurrent = rows(jdbc);
            for (String table : sequential.keySet()) {
                assertThat(concurrent.get(table)).as(table).isEqualTo(sequential.get(table));
            }
        }
    }

    /**
     * Each district's first S3 CSV (of either month) sent again under another name, its last row
     * dropped, with a later file time: the newer drop supersedes the first one's sheet and its rejects.
     */
    private static List<String> resubmitOnePerDistrict(Path inbox) throws Exception {
        Map<String, Path> firstPerDistrict = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String unit = file.getParent().getFileName().toString();
                if (unit.length() == 9 && name.endsWith(".csv") && (name.contains("S3") || name.contains("工作者"))) {
                    firstPerDistrict.putIfAbsent(unit.substring(0, 6), file);
                }
            }
        }
        List<String> written = new ArrayList<>();
        for (Path file : firstPerDistrict.values()) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length - 1;
            while (end > 0 && (bytes[end] == '\n' || bytes[end] == '\r')) {
                end--;
            }
            int lastLine = end;
            while (lastLine > 0 && bytes[lastLine - 1] != '\n') {
                lastLine--;
            }
            Path copy = file.resolveSibling("更正-" + file.getFileName());
            Files.write(copy, java.util.Arrays.copyOf(bytes, lastLine));
            Files.setLastModifiedTime(copy, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(3600)));
            written.add(copy.toString());
        }
        return written;
    }

    private static ConfigurableApplicationContext context(int parallelDistricts) {
        return new SpringApplicationBuilder(PipelineApplication.class).web(WebApplicationType.NONE)
                .run("--pipeline.ingest.parallel-districts=" + parallelDistricts, "--pipeline.ingest.chunk-size=50",
                        "--pipeline.partitioning.mode=local");
    }

    private static List<Map<String, Object>> partitionSteps(JdbcTemplate jdbc, long executionId) {
        return jdbc.queryForList("""
                SELECT STEP_NAME, STATUS, ROLLBACK_COUNT, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'ingestDistrictStep:%' ORDER BY STEP_NAME""", executionId);
    }

    /** Some moment when every district's step was running. */
    private static boolean overlapping(JdbcTemplate jdbc, long executionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT MAX(START_TIME) < MIN(END_TIME) FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'ingestDistrictStep:%'""", Boolean.class, executionId));
    }

    /**
     * Every row ingest wrote, as text without ids, ciphertexts (random per encryption) or times, keyed by
     * file path, sheet and row: table → its rows in order.
     */
    private static Map<String, List<String>> rows(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : STAGING) {
            rows.put(table, jdbc.queryForList("SELECT CONCAT_WS('|', f.path, s.sheet_name, "
                    + String.join(", ", columns(jdbc, table)) + ") AS r FROM " + table + " t "
                    + "JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id ORDER BY r",
                    String.class));
        }
        rows.put("ingest_sheet", jdbc.queryForList("""
                SELECT CONCAT_WS('|', f.path, s.sheet_name, IFNULL(s.template, '-'), IFNULL(s.period, '-'), s.rows_read,
                                 s.rows_loaded, s.rows_rejected, s.rows_skipped,
                                 IF(s.superseded_by IS NULL, 'in force', 'superseded'), IFNULL(nf.path, '-')) AS r
                FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id
                LEFT JOIN ingest_sheet n ON n.id = s.superseded_by LEFT JOIN ingest_file nf ON nf.id = n.file_id
                ORDER BY r""", String.class));
        rows.put("ingest_reject", jdbc.queryForList("""
                SELECT CONCAT_WS('|', f.path, s.sheet_name, r.row_no, r.template, r.unit_code, IFNULL(r.period, '-'),
                                 r.reasons, r.status) AS x
                FROM ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id JOIN ingest_file f ON f.id = s.file_id
                ORDER BY x""", String.class));
        rows.put("ingest_file", jdbc.queryForList("""
                SELECT CONCAT_WS('|', path, status, IFNULL(reason, '-'), unit_code, IFNULL(period, '-')) AS x
                FROM ingest_file ORDER BY x""", String.class));
        return rows;
    }

    /** A staging table's data columns (constants of the schema, not values), each as text or NULL. */
    private static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                SELECT COLUMN_NAME FROM information_schema.COLUMNS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
                  AND COLUMN_NAME NOT IN ('id', 'sheet_id') AND COLUMN_NAME NOT LIKE '%cipher%'
                ORDER BY ORDINAL_POSITION""", String.class, table).stream()
                .map(column -> "IFNULL(CAST(t." + column + " AS CHAR), 'NULL')").toList();
    }
}
