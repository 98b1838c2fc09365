package cn.sanshe.pipeline.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A schedule whose overlap policy is skip: a firing while the previous run still goes does nothing. */
public class SkippingTaskJob implements Job {

    private final TaskRunner runner;

    SkippingTaskJob(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.run(context, true);
    }
}
