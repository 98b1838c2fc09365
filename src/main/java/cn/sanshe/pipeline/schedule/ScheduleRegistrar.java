package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.schedule.ScheduleProperties.Misfire;
import cn.sanshe.pipeline.schedule.ScheduleProperties.Overlap;
import cn.sanshe.pipeline.schedule.ScheduleProperties.Schedule;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the schedules in the job store in line with {@code jobs/schedules.yml}. A schedule whose
 * definition is unchanged is left exactly as it is in the store (its next fire time, its paused
 * state), which is what lets a run missed while every node was down be seen as a misfire on
 * start; a changed one is replaced and stays paused if it was; one no longer configured (or
 * disabled) is removed. Safe on several nodes at once: each change is one job-store transaction
 * and both nodes would write the same definition.
 */
@Component
class ScheduleRegistrar {

    static final String GROUP = "pipeline";
    static final String TASK = "task";

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    private final Scheduler scheduler;
    private final ScheduleProperties properties;

    ScheduleRegistrar(Scheduler scheduler, ScheduleProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    void sync() throws SchedulerException {
        for (Map.Entry<String, Schedule> entry : properties.jobs().entrySet()) {
            if (entry.getValue().enabled()) {
                store(entry.getKey(), entry.getValue());
            }
        }
        for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            Schedule configured = properties.jobs().get(stored.getName());
            if (configured == null || !configured.enabled()) {
                log.info("schedule {} is no longer configured; removed", stored.getName());
                scheduler.deleteJob(stored);
            }
        }
    }

    private void store(String name, Schedule schedule) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(jobClass(schedule.overlap()))
                .withIdentity(name, GROUP)
                .withDescription(schedule.description())
                .usingJobData(TASK, schedule.task())
                // A node that dies mid-run: another node runs the task again (every task is safe to repeat).
                .requestRecovery(true)
                .storeDurably()
                .build();
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
                .inTimeZone(TimeZone.getTimeZone(properties.zone()));
        cron = schedule.misfire() == Misfire.FIRE_ONCE ? cron.withMisfireHandlingInstructionFireAndProceed()
                : cron.withMisfireHandlingInstructionDoNothing();
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(job)
                .withDescription(schedule.description()).withSchedule(cron).build();
        TriggerKey key = trigger.getKey();
        if (same(scheduler.getJobDetail(job.getKey()), scheduler.getTrigger(key), job, trigger)) {
            return;
        }
        boolean paused = scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
        scheduler.scheduleJob(job, Set.of(trigger), true);
        if (paused) {
            scheduler.pauseJob(job.getKey());
        }
        log.info("schedule {} stored: {} ({}), next {}", name, schedule.cron(), properties.zone(),
                scheduler.getTrigger(key).getNextFireTime());
    }

    private static boolean same(JobDetail storedJob, Trigger storedTrigger, JobDetail job, CronTrigger trigger) {
        return storedJob != null && storedTrigger instanceof CronTrigger stored
                && storedJob.getJobClass().equals(job.getJobClass())
                && job.getJobDataMap().getString(TASK).equals(storedJob.getJobDataMap().getString(TASK))
                && stored.getCronExpression().equals(trigger.getCronExpression())
                && stored.getTimeZone().getID().equals(trigger.getTimeZone().getID())
                && stored.getMisfireInstruction() == trigger.getMisfireInstruction();
    }

    private static Class<? extends Job> jobClass(Overlap overlap) {
        return overlap == Overlap.WAIT ? WaitingTaskJob.class : SkippingTaskJob.class;
    }
}
