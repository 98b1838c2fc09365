package cn.sanshe.pipeline.schedule;

import java.sql.Timestamp;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every misfire of a pipeline schedule (a fire time passed while no node was up, or while it was
 * paused) is written to {@code schedule_misfire} (V27), whatever its misfire policy then does,
 * so the console can show how often a schedule misfired.
 */
@Component
class MisfireLog implements TriggerListener, SchedulerFactoryBeanCustomizer {

    private final ObjectProvider<JdbcTemplate> jdbc;

    MisfireLog(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void customize(org.springframework.scheduling.quartz.SchedulerFactoryBean factory) {
        factory.setGlobalTriggerListeners(this);
    }

    @Override
    public String getName() {
        return "pipeline-misfire-log";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        if (!ScheduleRegistrar.GROUP.equals(trigger.getKey().getGroup())) {
            return;
        }
        jdbc.getObject().update("""
                INSERT INTO schedule_misfire (schedule, scheduled_for, noted_at, node, policy)
                VALUES (?, ?, CURRENT_TIMESTAMP(3), ?, ?)""",
                trigger.getKey().getName(),
                trigger.getNextFireTime() == null ? null : new Timestamp(trigger.getNextFireTime().getTime()),
                cn.sanshe.pipeline.jobs.RunOwnerRecorderAccess.host(),
                trigger.getMisfireInstruction() == org.quartz.CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
                        ? "错过的运行按设置跳过" : "错过的运行将补跑一次");
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
            CompletedExecutionInstruction instruction) {
    }
}
