package cn.sanshe.pipeline.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * A rendered dashboard: the PDF and, beside it, the same figures as kpis.json and kpis.csv.
 *
 * @param title    the report's Chinese title, e.g. 石家庄市三社联动监测月报（2026年10月）, used as mail subject
 * @param pdf      the PDF, named in Chinese after the title
 * @param profile  the target profile the figures were judged against
 * @param runIds   the stored indicator runs the figures come from (one, or twelve for a yearly edition)
 */
public record RenderedReport(ReportRequest request, String title, String profile, Path pdf, Path kpisJson,
        Path kpisCsv, List<Long> runIds) {
}
