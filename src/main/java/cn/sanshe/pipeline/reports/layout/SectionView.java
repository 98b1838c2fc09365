package cn.sanshe.pipeline.reports.layout;

import java.util.List;

/**
 * A section of the dashboard: a table by child unit (at most {@link #MAX_COLUMNS} figures), a
 * bar chart of its main figure by unit and, in a yearly edition, that figure's 12-month trend.
 */
public record SectionView(String title, String unitHeader, List<String> headers, List<TableRow> rows, String chartTitle,
        List<Bar> bars, String trendTitle, List<TrendPoint> trend, String chartUnit) {

    public static final int MAX_COLUMNS = 10;
}
