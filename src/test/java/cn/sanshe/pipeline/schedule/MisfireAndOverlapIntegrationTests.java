package cn.sanshe.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The misfire policy (a run missed while the server was down fires once on start, not once per
 * missed day; or not at all when so configured) and the overlap policy (a firing while the previous
 * run goes waits or is skipped, never overlaps), on the real clustered job store.
 */
@SpringBootTest(properties = {
    "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
    "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
    "pipeline.schedule.jobs.nightly-pipeline.enabled=false",
    "pipeline.schedule.jobs.monthly-reports.enabled=false",
    "pipeline.schedule.jobs.yearly-reports.enabled=false",
    "pipeline.schedule.jobs.street-reminders.enabled=false",
    "pipeline.schedule.jobs.missed-once.task=probe-once",
    "pipeline.schedule.jobs.missed-once.cron=0 0 3 * * ?",
    "pipeline.schedule.jobs.missed-once.misfire=fire-once",
    "pipeline.schedule.jobs.missed-skip.task=probe-skip",
    "pipeline.schedule.jobs.missed-skip.cron=0 0 3 * * ?",
    "pipeline.schedule.jobs.missed-skip.misfire=skip",
    "pipeline.schedule.jobs.every-second-wait.task=slow-wait",
    "pipeline.schedule.jobs.every-second-wait.cron=* * * * * ?",
    "pipeline.schedule.jobs.every-second-wait.overlap=wait",
    "pipeline.schedule.jobs.every-second-skip.task=slow-skip",
    "pipeline.schedule.jobs.every-second-skip.cron=* * * * * ?",
    "pipeline.schedule.jobs.every-second-skip.overlap=skip"})
@Import(TestTasks.class)
@DirtiesContext
class MisfireAndOverlapIntegrationTests {

    @Autowired
    Scheduler scheduler;

    @Autowired
    Schedules schedules;

    @Autowired
    JdbcTemplate jdbc;

    static boolean forgotten;

    @BeforeEach
    void freshStore() throws Exception {
        if (!forgotten) {
            ClusterFixture.forgetOtherNodes(jdbc);
            forgotten = true;
        }
        jdbc.update("DELETE FROM schedule_fire");
        TestTasks.reset();
        schedules.sync();
    }

    @AfterEach
    void standBy() throws Exception {
        scheduler.standby();
        for (String name : List.of("every-second-wait", "every-second-skip", "missed-once", "missed-skip")) {
            scheduler.pauseJob(JobKey.jobKey(name, ScheduleRegistrar.GROUP));
        }
        Thread.sleep(1700); // let a run in progress end before the next test counts
    }

    @Test
    void aRunMissedWhileEveryNodeWasDownFiresOnceOnStartOrNotAtAllWhenSkipped() throws Exception {
        pause("every-second-wait", "every-second-skip");
        // Three nights missed: what the store says after the server was down since three days ago.
        jdbc.update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME IN ('missed-once', 'missed-skip')",
                System.currentTimeMillis() - 3 * 24 * 3600_000L);

        scheduler.start();
        waitFor(() -> TestTasks.runs("probe-once") >= 1, 15_000);
        Thread.sleep(2500);

        assertThat(TestTasks.runs("probe-once")).isEqualTo(1);
        assertThat(TestTasks.runs("probe-skip")).isZero();
        for (String name : List.of("missed-once", "missed-skip")) {
            assertThat(scheduler.getTrigger(TriggerKey.triggerKey(name, ScheduleRegistrar.GROUP)).getNextFireTime())
                    .isAfter(new Date());
        }
    }

    @Test
    void aFiringWhileThePreviousRunGoesWaitsOrIsSkippedAndNeverOverlaps() throws Exception {
        pause("missed-once", "missed-skip");
        resume("every-second-wait", "every-second-skip");

        scheduler.start();
        Thread.sleep(5500);
        pause("every-second-wait", "every-second-skip");
        Thread.sleep(1700);

        for (String task : List.of("slow-wait", "slow-skip")) {
            List<long[]> runs = TestTasks.INTERVALS.get(task).stream().sorted(Comparator.comparingLong(r -> r[0])).toList();
            assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i)[0]).as(task + " run " + i + " starts after the previous ends")
                        .isGreaterThanOrEqualTo(runs.get(i - 1)[1]);
            }
        }
        assertThat(fires("every-second-skip", "skipped")).isPositive();
        assertThat(fires("every-second-wait", "skipped")).isZero();
        // Waiting firings run back to back: more runs than the skipping schedule had.
        assertThat(TestTasks.runs("slow-wait")).isGreaterThanOrEqualTo(TestTasks.runs("slow-skip"));
    }

    private int fires(String schedule, String outcome) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM schedule_fire WHERE schedule = ? AND outcome = ?", Integer.class,
                schedule, outcome);
    }

    private void pause(String... names) throws Exception {
        for (String name : names) {
            schedules.pause(name);
        }
    }

    private void resume(String... names) throws Exception {
        for (String name : names) {
            schedules.resume(name);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
    }
}
