package cn.sanshe.pipeline.reports.layout;

/**
 * A context figure of page 1 (communities, workers, organizations): no target, no mark; {@code link}
 * the console page of the figure it is read from (communities: the coverage rate's denominator).
 */
public record ContextFigure(String label, String value, String unit, String monthChange, String link) {
}
