package cn.sanshe.pipeline.jobs;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts the root cause of a failed job, in plain words (the reason {@link JobOutcome} gives), first in its exit
 * description. Spring Batch keeps the stack trace there but cuts it at 2,500 characters, which
 * usually cuts off the "Caused by" that says what went wrong (a missing file, a refused
 * connection); the console reads the words from this line.
 */
class RootCauseRecorder implements JobExecutionListener, BeanPostProcessor {

    static final String MARK = "根本原因：";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getAllFailureExceptions().isEmpty()) {
            return;
        }
        ExitStatus status = execution.getExitStatus();
        String description = status.getExitDescription() == null ? "" : status.getExitDescription();
        String line = MARK + JobOutcome.of(execution).reason().replaceAll("\\R", " ");
        execution.setExitStatus(new ExitStatus(status.getExitCode(), line + "\n" + description));
    }
}
