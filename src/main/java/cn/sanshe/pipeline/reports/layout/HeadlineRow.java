package cn.sanshe.pipeline.reports.layout;

/**
 * A line of page 1: a figure of the whole scope that has a target, its value with unit, the
 * target, the mark, the change on last month and (yearly edition) on the end of last year.
 * {@code link}: where the console explains the figure ({@code /explain/…}, the console address
 * goes before it), so every headline figure of the PDF links to its drill-down.
 */
public record HeadlineRow(String indicator, String value, String target, String status, String monthChange,
        String yearChange, String link) {

    /** A target is set but nothing was sent to judge it on. */
    public static final String NO_DATA = "nodata";

    /** A target is set but the figure cannot be computed (a denominator of 0). */
    public static final String NO_VALUE = "novalue";
}
