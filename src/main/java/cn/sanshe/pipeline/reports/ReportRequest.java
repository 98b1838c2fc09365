package cn.sanshe.pipeline.reports;

import java.nio.file.Path;

/**
 * One dashboard to render: a month ({@code yyyy-MM}, the monthly edition) or a year
 * ({@code yyyy}, the yearly edition) for a scope (12-digit code of a city or a district),
 * judged against a target profile, written under {@code outDir}.
 *
 * @param profile a target profile name, or null for the one configured for the scope
 * @param outDir  the folder the PDF, kpis.json and kpis.csv are written to, or null for
 *                {@code <pipeline.reports>/<period>/<scope>/}
 */
public record ReportRequest(String period, String scope, String profile, Path outDir) {

    public boolean yearly() {
        return period.length() == 4;
    }
}
