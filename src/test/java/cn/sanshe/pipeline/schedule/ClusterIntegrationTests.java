package cn.sanshe.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.PipelineApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes, each a whole Spring context with its own Quartz scheduler, on one
 * embedded database: every firing runs on exactly one node, and when a node stops (or dies in
 * the middle of a run) the other carries on with the schedule and takes over the interrupted run.
 */
class ClusterIntegrationTests {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        TestTasks.hang.countDown();
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void eachFiringRunsOnOneNodeAndTheOtherCarriesOnWhenOneStops() throws Exception {
        ConfigurableApplicationContext a = node("tick");
        ClusterFixture.forgetOtherNodes(jdbc(a));
        TestTasks.reset();
        ConfigurableApplicationContext b = node("tick");
        start(a);
        start(b);
        Thread.sleep(6000);

        a.close();
        String nodeB = b.getBean(Scheduler.class).getSchedulerInstanceId();
        JdbcTemplate jdbc = jdbc(b);
        long lastBeforeStop = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM schedule_fire", Long.class);
        // A trigger node A had already acquired stays with it until B declares A dead
        // (check-in interval plus Quartz's 7.5 s grace), then B fires on.
        Thread.sleep(11_000);

        assertThat(jdbc.queryForList("""
                SELECT scheduled_for FROM schedule_fire WHERE schedule = 'tick'
                GROUP BY scheduled_for HAVING COUNT(*) > 1""")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schedule_fire WHERE schedule = 'tick'", Integer.class))
                .isEqualTo(TestTasks.runs("tick")).isGreaterThanOrEqualTo(7);
        List<String> afterStop = jdbc.queryForList("""
                SELECT node FROM schedule_fire WHERE schedule = 'tick' AND id > ?""", String.class, lastBeforeStop);
        assertThat(afterStop).hasSizeGreaterThanOrEqualTo(2).containsOnly(nodeB);
    }

    @Test
    void aRunInterruptedByANodeThatDiesIsTakenOverByTheOther() throws Exception {
        ConfigurableApplicationContext a = node("hang");
        ClusterFixture.forgetOtherNodes(jdbc(a));
        TestTasks.reset();
        Scheduler schedulerA = start(a);
        schedulerA.triggerJob(org.quartz.JobKey.jobKey("hang", ScheduleRegistrar.GROUP));
        MisfireAndOverlapIntegrationTests.waitFor(() -> TestTasks.runs("hang") == 1, 10_000);
        ConfigurableApplicationContext b = node("hang");
        String nodeB = start(b).getSchedulerInstanceId();

        // Node A "dies": it stops checking in while its run hangs, and never finishes it.
        a.close();
        MisfireAndOverlapIntegrationTests.waitFor(() -> TestTasks.runs("hang") >= 2, 30_000);

        List<Map<String, Object>> recovered = jdbc(b).queryForList(
                "SELECT node, recovering, outcome FROM schedule_fire WHERE schedule = 'hang' AND node = ?", nodeB);
        assertThat(recovered).hasSize(1);
        assertThat(recovered.get(0)).containsEntry("recovering", true);
        MisfireAndOverlapIntegrationTests.waitFor(() -> "succeeded".equals(jdbc(b).queryForObject(
                "SELECT outcome FROM schedule_fire WHERE node = ?", String.class, nodeB)), 5_000);
        assertThat(jdbc(b).queryForObject("SELECT outcome FROM schedule_fire WHERE node = ?", String.class, nodeB))
                .isEqualTo("succeeded");
    }

    private ConfigurableApplicationContext node(String task) {
        String every = task.equals("tick") ? "* * * * * ?" : "0 0 3 1 1 ? 2099";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> {
                    TestTasks tasks = new TestTasks();
                    ((GenericApplicationContext) ctx).registerBean("testTick", ScheduledTask.class, tasks::tick);
                    ((GenericApplicationContext) ctx).registerBean("testHang", ScheduledTask.class, tasks::hangOnce);
                })
                .run("--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=500",
                        "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
                        "--pipeline.schedule.jobs.nightly-pipeline.enabled=false",
                        "--pipeline.schedule.jobs.monthly-reports.enabled=false",
                        "--pipeline.schedule.jobs.yearly-reports.enabled=false",
                        "--pipeline.schedule.jobs.street-reminders.enabled=false",
                        "--pipeline.schedule.jobs." + task + ".task=" + task,
                        "--pipeline.schedule.jobs." + task + ".cron=" + every);
        nodes.add(context);
        return context;
    }

    private static Scheduler start(ConfigurableApplicationContext node) throws Exception {
        node.getBean(Schedules.class).sync();
        Scheduler scheduler = node.getBean(Scheduler.class);
        scheduler.start();
        return scheduler;
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }
}
