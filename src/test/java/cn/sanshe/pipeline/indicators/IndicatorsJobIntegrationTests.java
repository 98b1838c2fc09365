package cn.sanshe.pipeline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.delivery.DeliveryProperties;
import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.demo.DemoInbox;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.partition.PipelineTables;
import cn.sanshe.pipeline.schedule.ScheduledTask;
import cn.sanshe.pipeline.system.RunLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code indicatorsJob} on the demo city after the nightly pipeline (ingest → reconcile →
 * indicators of the month just ended and the one before): one stored run per scope and profile,
 * each equal to the same scope computed alone; the monthly report run after the nightly run
 * stores no new run (it reuses the nightly's); and the bad-data twin — a scope whose run the
 * database refuses fails the job naming the scope in Chinese, and a restart computes that scope
 * again, and only it.
 */
@SpringBootTest(properties = {"pipeline.inbox=target/test-work/indicators-job/inbox",
    "pipeline.outbox=target/test-work/indicators-job/outbox", "pipeline.reports=target/test-work/indicators-job/reports"})
class IndicatorsJobIntegrationTests {

    static final YearMonth ENDED = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
    static final String CHANGAN = "130102000000";
    private static boolean nightlyRan;
    private static String nightlyDetail;
    /** The runs the nightly pipeline stored (other tests of the class store more afterwards). */
    private static Set<Long> nightlyRuns;

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndicatorsRun indicatorsRun;
    @Autowired
    IndicatorService indicators;
    @Autowired
    AllScopes allScopes;
    @Autowired
    JobControl jobs;
    @Autowired
    ReportRun reports;
    @Autowired
    RunLock runLock;
    @Autowired
    DeliveryProperties delivery;
    @Autowired
    @Qualifier("nightlyPipeline")
    ScheduledTask nightly;

    /** Once for the class: an empty pipeline, the demo inbox of the two months, the nightly pipeline. */
    @BeforeEach
    void nightlyPipelineOnce() throws Exception {
        if (nightlyRan) {
            return;
        }
        PipelineTables.reset(context, jdbc);
        jdbc.update("DELETE FROM delivery_log WHERE period IN (?, ?)", ENDED.toString(), ENDED.minusMonths(1).toString());
        jdbc.update("DELETE FROM edition_sent WHERE period IN (?, ?)", ENDED.toString(), ENDED.minusMonths(1).toString());
        Path inbox = Path.of("target/test-work/indicators-job/inbox");
        deleteTree(inbox);
        DemoInbox.write(inbox, List.of(ENDED.minusMonths(1), ENDED), 20261206L);
        ScheduledTask.Outcome outcome = nightly.run();
        assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
        nightlyDetail = outcome.detail();
        System.out.println("nightly pipeline: " + nightlyDetail);
        nightlyRuns = Set.copyOf(jdbc.queryForList("SELECT id FROM indicator_run", Long.class));
        nightlyRan = true;
    }

    @Test
    void theNightlyPipelineStoresEveryScopeOfTheMonthsAndTheReportRunReusesThem() throws Exception {
        assertThat(nightlyDetail).contains("indicatorsJob").contains(ENDED.toString()).contains(ENDED.minusMonths(1).toString());
        List<String> scopes = allScopes.everyScope();
        String profile = indicatorsRun.profileNames(List.of()).get(0);
        for (YearMonth month : List.of(ENDED, ENDED.minusMonths(1))) {
            Map<String, Long> byScope = new java.util.HashMap<>();
            jdbc.query("SELECT id, scope_code FROM indicator_run WHERE period = ? AND profile = ?", rs -> {
                if (nightlyRuns.contains(rs.getLong(1))) {
                    byScope.merge(rs.getString(2), 1L, Long::sum);
                }
            }, month.toString(), profile);
            assertThat(byScope.keySet()).as("every scope of %s", month).containsExactlyInAnyOrderElementsOf(scopes);
            assertThat(byScope.values()).as("one run each").containsOnly(1L);
        }
        assertThat(nightlyRuns).hasSize(2 * scopes.size());
        Set<Long> before = new HashSet<>(jdbc.queryForList(
                "SELECT id FROM indicator_run WHERE period IN (?, ?)", Long.class, ENDED.toString(), ENDED.minusMonths(1).toString()));

        JobOutcome report;
        try {
            report = reports.runMonth(ENDED);
        } catch (ReportRun.NotFinalException notYet) {   // the first days of a month: the edition is a preview
            report = reports.runProvisional(ENDED.toString());
        }
        assertThat(report.succeeded()).as(report.describe()).isTrue();

        assertThat(new HashSet<>(jdbc.queryForList("SELECT id FROM indicator_run WHERE period IN (?, ?)", Long.class,
                ENDED.toString(), ENDED.minusMonths(1).toString())))
                .as("the report run computed nothing again").isEqualTo(before);
        List<String> editionRuns = jdbc.queryForList("SELECT run_ids FROM edition_sent WHERE period = ?", String.class,
                ENDED.toString());
        long monthly = delivery.editions().stream().filter(e -> e.cadence() == DeliveryProperties.Cadence.MONTHLY).count();
        assertThat(editionRuns).hasSize((int) monthly);
        for (String ids : editionRuns) {
            Matcher id = Pattern.compile("\\d+").matcher(ids);
            int found = 0;
            while (id.find()) {
                assertThat(before).as("edition runs %s: stored ones", ids).contains(Long.valueOf(id.group()));
                found++;
            }
            assertThat(found).as("the month and the month before").isEqualTo(2);
        }
    }

    @Test
    void everyScopeAndProfileIsStoredOnceWithTheFiguresOfTheScopeComputedAlone() throws Exception {
        List<String> profiles = List.of("shijiazhuang-2020", "gansu-2015");
        IndicatorsRun.Result result = indicatorsRun.allScopes(ENDED, profiles);
        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        List<String> scopes = allScopes.everyScope();
        assertThat(scopes).contains("000000000000", "130000000000", "130100000000", CHANGAN);
        assertThat(result.runsByScope().keySet()).containsExactlyInAnyOrderElementsOf(scopes);
        assertThat(partitions(result.outcome().executionId())).containsExactlyInAnyOrderElementsOf(
                scopes.stream().map(scope -> "indicatorsScopeStep:scope-" + scope).toList());
        System.out.println(result.summary() + "\n" + result.outcome().describe());
        assertThat(result.summary().get(0)).contains("本次计算 " + scopes.size() + " 个范围").contains("全国 1");
        String title = jdbc.queryForObject("SELECT title FROM target_profile WHERE name = 'shijiazhuang-2020'", String.class);
        assertThat(result.summary().get(0)).as("profiles by their titles").contains("（目标口径：" + title + "，--profile shijiazhuang-2020；");

        // the invariant, over every scope and profile: the job's run holds what the scope computed alone gives
        for (String scope : scopes) {
            List<Long> runs = result.runsByScope().get(scope);
            assertThat(runs).as(scope).hasSize(2);
            for (int i = 0; i < profiles.size(); i++) {
                IndicatorRun run = indicators.storedRun(runs.get(i)).orElseThrow();
                assertThat(run.scopeCode()).isEqualTo(scope);
                assertThat(run.period()).isEqualTo(ENDED);
                assertThat(run.profile()).isEqualTo(profiles.get(i));
                List<IndicatorValue> stored = indicators.stored(runs.get(i));
                assertThat(stored).as("%s %s", scope, profiles.get(i)).isNotEmpty()
                        .isEqualTo(indicators.compute(scope, ENDED, profiles.get(i)));
            }
        }
        // largest first: the root started before any district
        LocalDateTime root = start(result.outcome().executionId(), "000000000000");
        for (String scope : scopes) {
            if (IndicatorsJobConfiguration.level(scope) == 3) {
                assertThat(start(result.outcome().executionId(), scope)).as(scope).isAfterOrEqualTo(root);
            }
        }
    }

    @Test
    void aScopeThatFailsFailsTheJobByNameAndARestartComputesOnlyIt() throws Exception {
        YearMonth month = ENDED.minusMonths(1);
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_changan");
        jdbc.execute("""
                CREATE TRIGGER test_refuse_changan BEFORE INSERT ON indicator_run FOR EACH ROW
                BEGIN
                  IF NEW.scope_code = '130102000000' AND NEW.profile = 'gansu-2015' THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test';
                  END IF;
                END""");
        IndicatorsRun.Result failed;
        try {
            failed = indicatorsRun.allScopes(month, List.of("gansu-2015"));
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_changan");
        }
        JobOutcome first = failed.outcome();
        assertThat(first.succeeded()).isFalse();
        assertThat(first.describe()).contains("失败步骤：指标（indicatorsScopeStep:scope-130102000000）")
                .contains("原因：指标·长安区（130102000000，" + month + "）计算失败").contains("refused by the test")
                .contains("jobs restart " + first.executionId());
        assertThat(failed.summary()).anySatisfy(line -> assertThat(line).startsWith("未完成的范围：长安区（130102000000）失败"));
        assertThat(failed.runsByScope()).doesNotContainKey(CHANGAN).hasSize(allScopes.everyScope().size() - 1);

        StringWriter out = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "jobs", "show", Long.toString(first.executionId()));
        System.out.println(failed.summary() + "\n" + first.describe() + "\n" + out);   // to read in the test's output
        assertThat(status).isZero();
        assertThat(out.toString()).contains("指标·长安区（indicatorsScopeStep:scope-130102000000）")
                .contains("指标·全国（indicatorsScopeStep:scope-000000000000）").contains("指标·河北省")
                .contains("原因：指标·长安区（130102000000，" + month + "）计算失败").doesNotContain("\tat org.");

        JobOutcome restarted = jobs.restart(first.executionId(), false);
        assertThat(restarted.succeeded()).as(restarted.describe()).isTrue();
        assertThat(partitions(restarted.executionId())).as("only the failed scope runs again")
                .containsExactly("indicatorsScopeStep:scope-" + CHANGAN);
        List<Long> changan = indicatorsRun.summarise(restarted).runsByScope().get(CHANGAN);
        assertThat(changan).hasSize(1);
        assertThat(indicators.stored(changan.get(0))).isEqualTo(indicators.compute(CHANGAN, month, "gansu-2015"));
        assertThat(jdbc.queryForList("""
                SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (?, ?)
                AND STEP_NAME LIKE 'indicatorsScopeStep:%' AND STATUS = 'COMPLETED'
                GROUP BY STEP_NAME HAVING COUNT(*) > 1""", String.class, first.executionId(), restarted.executionId()))
                .as("no scope completed twice").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT scope_code FROM indicator_run WHERE period = ? AND profile = 'gansu-2015'
                GROUP BY scope_code HAVING COUNT(*) > 1""", String.class, month.toString()))
                .as("the failed attempt stored nothing: one run per scope").isEmpty();
    }

    @Test
    void aSecondIndicatorsRunIsRefusedWhileOneHoldsTheLock() throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (RunLock.Held ignored = runLock.hold(RunLock.INDICATORS, "indicators --period 2026-10 --all-scopes（测试）")) {
                held.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        held.await();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicatorsRun.allScopes(ENDED, List.of()))
                    .isInstanceOf(RunLock.RefusedException.class)
                    .hasMessageContaining("另一个命令正在运行：indicators --period 2026-10 --all-scopes（测试）");
        } finally {
            done.countDown();
            holder.join();
        }
    }

    @Test
    void mistakesOnTheCommandLineAreOneLineAndExit2() {
        for (List<String> args : List.of(List.of("indicators", "--period", "2026-1", "--all-scopes"),
                List.of("indicators", "--period", ENDED.toString()),
                List.of("indicators", "--period", ENDED.toString(), "--all-scopes", "--profile", "no-such-profile"),
                List.of("indicators", "--period", ENDED.toString(), "--scope", "139999"))) {
            StringWriter err = new StringWriter();
            int status = CommandLineFrame.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
            System.out.println(String.join(" ", args) + " → " + status + ": " + err);
            assertThat(status).as("%s: %s", args, err).isEqualTo(CommandLineFrame.USAGE);
            assertThat(err.toString().strip().lines().count()).as("%s: %s", args, err).isEqualTo(1);
            assertThat(err.toString()).as(String.join(" ", args)).containsPattern("\\p{IsHan}");
        }
    }

    private List<String> partitions(long executionId) {
        return jdbc.queryForList("""
                SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'indicatorsScopeStep:%'
                ORDER BY STEP_NAME""", String.class, executionId);
    }

    private LocalDateTime start(long executionId, String scope) {
        return jdbc.queryForObject("SELECT START_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = ?",
                LocalDateTime.class, executionId, "indicatorsScopeStep:scope-" + scope);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
