package cn.sanshe.pipeline.jobs;

import java.time.LocalDateTime;

/** One line of {@code jobs list}. */
public record JobSummary(long executionId, String jobName, String status, LocalDateTime startTime,
        LocalDateTime endTime, String exitCode) {
}
