package cn.sanshe.pipeline.console;

import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console users of the operators' tests (every role at every level of the console city), on the city's divisions. */
final class OpsTestSupport {

    private OpsTestSupport() {
    }

    /**
     * Takes away the one-off firings "trigger now" left in the shared job store, and resumes what
     * was paused, so no later test that starts a scheduler node runs a report because of us.
     */
    static void forgetTriggers(org.quartz.Scheduler scheduler) throws Exception {
        for (org.quartz.JobKey job : scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals("pipeline"))) {
            for (org.quartz.Trigger trigger : scheduler.getTriggersOfJob(job)) {
                if (!trigger.getKey().getGroup().equals("pipeline")) {
                    scheduler.unscheduleJob(trigger.getKey());     // a "trigger now" (group DEFAULT)
                }
            }
        }
        scheduler.resumeAll();
    }

    static void users(JdbcTemplate jdbc, DivisionLoader divisions, ConsoleUsers users) throws Exception {
        Integer city = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = '130100000000'", Integer.class);
        if (city == null || city == 0) {
            divisions.load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        }
        jdbc.update("DELETE FROM console_user");
        ConsoleCity.users(users);
    }
}
