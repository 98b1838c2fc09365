package cn.sanshe.pipeline.reports.layout;

/** A context figure of page 1 (communities, workers, organizations): no target, no mark. */
public record ContextFigure(String label, String value, String unit, String monthChange) {
}
