package cn.sanshe.pipeline.reports.layout;

/** A figure as printed in a table, and its green / amber / red status (null without a target). */
public record Cell(String text, String status) {
}
