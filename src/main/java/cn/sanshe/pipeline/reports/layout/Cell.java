package cn.sanshe.pipeline.reports.layout;

/**
 * A figure as printed in a table, its green / amber / red status (null without a target) and the
 * console page that explains it ({@link ExplainLink}; null where no figure is printed).
 */
public record Cell(String text, String status, String link) {
}
