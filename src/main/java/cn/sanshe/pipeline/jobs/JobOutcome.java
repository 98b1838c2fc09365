package cn.sanshe.pipeline.jobs;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.util.Comparator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What an operator needs to know when a job ends: did it work, and if not, which step failed,
 * why, and the command that restarts it where it stopped.
 */
public record JobOutcome(long executionId, String jobName, BatchStatus status, String failedStep, String reason) {

    public static JobOutcome of(JobExecution execution) {
        StepExecution failed = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isUnsuccessful())
                .max(Comparator.comparingLong(StepExecution::getId))
                .orElse(null);
        // A partitioned step says only that a partition failed; the partition's own failure says why.
        String reason = execution.getAllFailureExceptions().stream()
                .map(JobOutcome::rootMessage)
                .sorted(Comparator.comparing(message -> message.startsWith("Partition handler returned")))
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
        return new JobOutcome(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus(),
                failed == null ? null : failed.getStepName(), reason);
    }

    public boolean succeeded() {
        return status == BatchStatus.COMPLETED;
    }

    /** One paragraph for the terminal or a failure mail; empty reason lines are left out. */
    public String describe() {
        if (succeeded()) {
            return "作业 " + JobText.job(jobName) + "，执行号 " + executionId + "：完成。";
        }
        StringBuilder text = new StringBuilder("作业 " + JobText.job(jobName) + "，执行号 " + executionId + "："
                + JobText.status(status) + "。");
        if (failedStep != null) {
            text.append("\n失败步骤：").append(failedStep);
        }
        if (reason != null && !reason.isBlank()) {
            text.append("\n原因：").append(reason);
        }
        text.append("\n修正后从中断处继续：").append(CommandLineFrame.JAR).append(" jobs restart ").append(executionId);
        return text.toString();
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        boolean connectionLost = false;
        while (true) {
            connectionLost |= cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause.getClass().getName().endsWith("CommunicationsException");
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        message = message == null ? cause.getClass().getSimpleName() : message;
        return connectionLost ? "数据库连接中断（" + message + "）" : message;
    }
}
