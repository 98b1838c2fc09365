package cn.sanshe.pipeline.monitor;

import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The scheduler of this process: UP when it runs (serve), OUT_OF_SERVICE when it is held in
 * standby (every other command, and a node stopping), DOWN once shut down or when its job store
 * cannot be read.
 */
@Component("scheduler")
class SchedulerHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;

    SchedulerHealthIndicator(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        builder.withDetail("instance", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("jobsExecuted", meta.getNumberOfJobsExecuted())
                .withDetail("running", scheduler.getCurrentlyExecutingJobs().size());
        if (meta.isShutdown()) {
            builder.down();
        } else if (meta.isInStandbyMode()) {
            builder.outOfService();
        } else {
            builder.up();
        }
    }
}
