package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.StreetSubmission;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything a dashboard prints, already formatted: the JasperReports templates only lay it out.
 *
 * @param cutoff the newest input the figures saw (printed on every page); null when nothing was loaded
 */
public record Dashboard(String title, String subtitle, String legend, boolean yearly, LocalDateTime cutoff,
        LocalDateTime generated, List<HeadlineRow> headline, List<SectionView> sections, SectionView quality,
        String streetsTitle, List<StreetSubmission> streets) {
}
