package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.reports.layout.FigureChange;
import cn.sanshe.pipeline.reports.layout.Marking;
import java.nio.file.Path;
import java.util.List;

/**
 * One dashboard to render: a month ({@code yyyy-MM}, the monthly edition) or a year
 * ({@code yyyy}, the yearly edition) for a scope (12-digit code of a city or a district),
 * judged against a target profile, written under {@code outDir}.
 *
 * @param profile a target profile name, or null for the one configured for the scope
 * @param outDir  the folder the PDF, kpis.json and kpis.csv are written to, or null for
 *                {@code <pipeline.reports>/<period>/<scope>/}
 * @param kind    null: final when the period is final, else provisional (预览版); PROVISIONAL to
 *                mark it so whatever the period; CORRECTION for a 更正版 listing {@code changes}
 */
public record ReportRequest(String period, String scope, String profile, Path outDir, Marking.Kind kind,
        List<FigureChange> changes) {

    public ReportRequest {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public ReportRequest(String period, String scope, String profile, Path outDir) {
        this(period, scope, profile, outDir, null, List.of());
    }

    public boolean yearly() {
        return period.length() == 4;
    }

    public ReportRequest as(Marking.Kind newKind, List<FigureChange> newChanges) {
        return new ReportRequest(period, scope, profile, outDir, newKind, newChanges);
    }
}
