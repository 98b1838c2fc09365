package cn.sanshe.pipeline.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * A schedule whose overlap policy is wait: Quartz holds a firing back, on every node of the
 * cluster, until the previous run of the same schedule has ended, then runs it.
 */
@DisallowConcurrentExecution
public class WaitingTaskJob implements Job {

    private final TaskRunner runner;

    WaitingTaskJob(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.run(context, false);
    }
}
