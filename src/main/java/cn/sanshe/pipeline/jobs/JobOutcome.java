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
                .sorted(Comparator.comparing(JobOutcome::partitionHandlerOnly))
                .map(JobOutcome::rootMessage)
                .findFirst()
                .orElseGet(() -> recorded(execution.getExitStatus().getExitDescription()));
        return new JobOutcome(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus(),
                failed == null ? null : failed.getStepName(), reason);
    }

    /**
     * An execution read back from the job repository (jobs show) has no exceptions, only the exit
     * description: when that is a recorded failure ({@link RootCauseRecorder}'s words line above a
     * stack trace), its words, not the whole trace.
     */
    private static String recorded(String description) {
        if (description != null && (description.startsWith(RootCauseRecorder.MARK) || description.contains("\n\tat "))) {
            return FailureWords.of(description);
        }
        return description;
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
            text.append("\n失败步骤：").append(JobText.step(failedStep));
        }
        if (reason != null && !reason.isBlank()) {
            text.append("\n原因：").append(reason);
        }
        text.append("\n修正后从中断处继续：").append(CommandLineFrame.JAR).append(" jobs restart ").append(executionId);
        return text.toString();
    }

    /** The failure in plain words, as the console and the failure mail say it ({@link FailureWords}). */
    static String rootMessage(Throwable failure) {
        return FailureWords.of(failure);
    }

    private static boolean partitionHandlerOnly(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null && root.getMessage().startsWith("Partition handler returned");
    }
}
