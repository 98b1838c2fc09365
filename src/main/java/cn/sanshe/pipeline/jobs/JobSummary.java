package cn.sanshe.pipeline.jobs;

import java.time.LocalDateTime;

/** One line of {@code jobs list}; {@code parameters} as {@code period=2026-10 inbox=…} (requestedAt left out). */
public record JobSummary(long executionId, String jobName, String status, LocalDateTime startTime,
        LocalDateTime endTime, String exitCode, String parameters) {
}
