package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.reports.layout.FigureChange;
import cn.sanshe.pipeline.reports.layout.Marking;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A rendered dashboard: the PDF and, beside it, the same figures as kpis.json and kpis.csv.
 *
 * @param title       the report's Chinese title, e.g. 石家庄市三社联动监测月报（2026年10月）, used as mail subject
 * @param pdf         the PDF, named in Chinese after the title
 * @param profile     the target profile the figures were judged against
 * @param runIds      the stored indicator runs the figures come from (as {@code report --from-runs} takes them)
 * @param kind        final, provisional (预览版 · 未截止) or correction (更正版)
 * @param scopeName   the scope's name (石家庄市)
 * @param periodLabel the period as leaders read it (2026年10月; 2026年1月至11月…)
 * @param verdict     page 1's verdict line (达标 n 项 / 接近目标 n 项 / 未达标 n 项)
 * @param movers      the figures of page 1 that moved most since last month, at most three, as printed
 * @param changes     a correction's changed figures (empty otherwise)
 * @param dataCutoff  the newest input the figures saw, or null
 */
public record RenderedReport(ReportRequest request, String title, String profile, Path pdf, Path kpisJson,
        Path kpisCsv, List<Long> runIds, Marking.Kind kind, String scopeName, String periodLabel, String verdict,
        List<String> movers, List<FigureChange> changes, LocalDateTime dataCutoff) {

    public RenderedReport {
        kind = kind == null ? Marking.Kind.FINAL : kind;
        movers = movers == null ? List.of() : List.copyOf(movers);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public RenderedReport(ReportRequest request, String title, String profile, Path pdf, Path kpisJson, Path kpisCsv,
            List<Long> runIds) {
        this(request, title, profile, pdf, kpisJson, kpisCsv, runIds, Marking.Kind.FINAL, null, null, null, List.of(),
                List.of(), null);
    }
}
