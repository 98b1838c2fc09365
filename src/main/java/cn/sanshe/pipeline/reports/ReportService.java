package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.indicators.IndicatorRun;
import cn.sanshe.pipeline.indicators.IndicatorService;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.StreetSubmissions;
import cn.sanshe.pipeline.reports.export.KpisWriter;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.EditionFigures;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Renders a dashboard edition: computes and stores its figures (indicators), lays them out,
 * fills the JasperReports templates, writes the PDF and, beside it, kpis.json and kpis.csv with
 * the stored figures the PDF prints.
 */
@Service
public class ReportService implements ReportRenderer {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final IndicatorService indicators;
    private final StreetSubmissions streets;
    private final TargetProfiles profiles;
    private final DashboardPdf pdf;
    private final PipelineProperties properties;
    private final String defaultProfile;

    ReportService(IndicatorService indicators, StreetSubmissions streets, TargetProfiles profiles, DashboardPdf pdf,
            PipelineProperties properties, @Value("${pipeline.report.profile:shijiazhuang-2020}") String defaultProfile) {
        this.indicators = indicators;
        this.streets = streets;
        this.profiles = profiles;
        this.pdf = pdf;
        this.properties = properties;
        this.defaultProfile = defaultProfile;
    }

    /** Where the time of a render went, for the benchmark. */
    public record Timed(RenderedReport report, long indicatorNanos, long fillNanos, long exportNanos, int pages) {
    }

    /** Database times are the server's local time (the application's zone); leaders read Beijing time. */
    private static LocalDateTime beijingTime(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).withZoneSameInstant(SHANGHAI).toLocalDateTime();
    }

    @Override
    public RenderedReport render(ReportRequest request) {
        return renderTimed(request).report();
    }

    public Timed renderTimed(ReportRequest request) {
        String profile = request.profile() != null ? request.profile() : defaultProfile;
        profiles.title(profile);                       // an unknown profile fails before any work
        long start = System.nanoTime();
        Scope scope = indicators.scope(request.scope());
        List<Long> runIds = new ArrayList<>();
        if (request.yearly()) {
            int year = Integer.parseInt(request.period());
            runIds.add(indicators.run(scope.code(), YearMonth.of(year - 1, 12), profile));
            runIds.addAll(indicators.runYear(scope.code(), year, profile).values());
        } else {
            runIds.add(indicators.run(scope.code(), YearMonth.parse(request.period()), profile));
        }
        return renderRuns(new ReportRequest(request.period(), scope.code(), profile, request.outDir()), scope, runIds,
                start);
    }

    /**
     * Renders an edition again from its stored runs (as {@code report} printed them: one for a
     * monthly edition; last December and the twelve months for a yearly one), with exactly the
     * figures it had. The street annex is read anew: it is not part of a run.
     */
    public RenderedReport rerender(List<Long> runIds, Path outDir) {
        long start = System.nanoTime();
        List<IndicatorRun> runs = runIds.stream().map(id -> indicators.storedRun(id)
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 " + id + " 的指标计算"))).toList();
        IndicatorRun last = runs.get(runs.size() - 1);
        boolean yearly = runs.size() == 13;
        if (!(runs.size() == 1 || yearly) || runs.stream().anyMatch(run -> !run.scopeCode().equals(last.scopeCode())
                || !java.util.Objects.equals(run.profile(), last.profile()))) {
            throw new IllegalArgumentException("应给出月报的1个或年报的13个指标计算编号（同一范围、同一目标口径）");
        }
        for (int i = 1; yearly && i < runs.size(); i++) {
            if (!runs.get(i).period().equals(runs.get(0).period().plusMonths(i))) {
                throw new IllegalArgumentException("年报的指标计算应为上年12月及当年1至12月，依次给出");
            }
        }
        String period = yearly ? String.valueOf(last.period().getYear()) : last.period().toString();
        Scope scope = indicators.scope(last.scopeCode());
        return renderRuns(new ReportRequest(period, scope.code(), last.profile(), outDir), scope, runIds, start)
                .report();
    }

    private Timed renderRuns(ReportRequest request, Scope scope, List<Long> runIds, long start) {
        String profile = request.profile();
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>();
        List<IndicatorValue> lastYear = List.of();
        for (int i = 0; i < runIds.size(); i++) {
            IndicatorRun run = indicators.storedRun(runIds.get(i)).orElseThrow();
            if (request.yearly() && i == 0) {
                lastYear = indicators.stored(run.id());
            } else {
                months.put(run.period(), indicators.stored(run.id()));
            }
        }
        YearMonth period = request.yearly() ? YearMonth.of(Integer.parseInt(request.period()), 12)
                : YearMonth.parse(request.period());
        IndicatorRun reported = indicators.storedRun(runIds.get(runIds.size() - 1)).orElseThrow();
        EditionFigures edition = new EditionFigures(scope, period, request.yearly(), profile, profiles.title(profile),
                profiles.comparators(profile), months.get(period), request.yearly() ? months : Map.of(), lastYear,
                streets.of(scope.code(), period), beijingTime(reported.dataCutoff()), LocalDateTime.now(SHANGHAI));
        Dashboard dashboard = DashboardBuilder.build(edition);
        long computed = System.nanoTime();

        Path folder = request.outDir() != null ? request.outDir()
                : properties.reports().resolve(request.period()).resolve(scope.code());
        Path pdfFile = folder.resolve(dashboard.title() + ".pdf");
        DashboardPdf.Timing timing = pdf.write(dashboard, pdfFile);
        List<IndicatorValue> printed = new ArrayList<>(lastYear);
        months.values().forEach(printed::addAll);
        KpisWriter.write(printed, profile, folder.resolve("kpis.json"), folder.resolve("kpis.csv"));
        log.info("Rendered {} ({} pages) to {}", dashboard.title(), timing.pages(), pdfFile);
        RenderedReport report = new RenderedReport(request, dashboard.title(), profile, pdfFile,
                folder.resolve("kpis.json"), folder.resolve("kpis.csv"), List.copyOf(runIds));
        return new Timed(report, computed - start, timing.fillNanos(), timing.exportNanos(), timing.pages());
    }
}
