package cn.sanshe.pipeline.reports.layout;

/**
 * A line of page 1: an indicator of the whole scope against its target. {@code previous} and
 * {@code change} are the same figure a year earlier and the difference (yearly edition only).
 * {@code link}: where the console explains the figure ({@code /explain/…}, the console address
 * goes before it), so every headline figure of the PDF links to its drill-down.
 */
public record HeadlineRow(String indicator, String value, String target, String status, String previous,
        String change, String link) {

    /** A target is set but the figure cannot be computed (nothing sent, or a denominator of 0). */
    public static final String NO_DATA = "nodata";
}
