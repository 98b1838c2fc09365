package cn.sanshe.pipeline.reports.layout;

/**
 * A line of page 1: an indicator of the whole scope against its target. {@code previous} and
 * {@code change} are the same figure a year earlier and the difference (yearly edition only).
 */
public record HeadlineRow(String indicator, String value, String target, String status, String previous,
        String change) {
}
