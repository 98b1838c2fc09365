package cn.sanshe.pipeline.reports.layout;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything a dashboard prints, already formatted: the JasperReports templates only lay it out.
 *
 * @param cutoff   the newest input the figures saw (printed on every page); null when nothing was loaded
 * @param banner   printed on every page of a provisional or corrected edition; null for a final one
 * @param verdict  page 1's first line: 达标 n 项 / 接近目标 n 项 / 未达标 n 项
 * @param movers   the (at most three) figures of page 1 that moved most since last month, for the mail
 */
public record Dashboard(String title, String subtitle, String legend, boolean yearly, LocalDateTime cutoff,
        LocalDateTime generated, String banner, String verdict, List<HeadlineRow> headline,
        List<ContextFigure> context, Marking marking, List<SectionView> sections, SectionView quality,
        String streetsTitle, List<StreetLine> streets, List<String> movers, String periodLabel) {
}
