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
        String profileTitle = profiles.title(profile);
        long start = System.nanoTime();
        Scope scope = indicators.scope(request.scope());
        YearMonth period;
        List<Long> runIds = new ArrayList<>();
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>();
        List<IndicatorValue> lastYear = List.of();
        if (request.yearly()) {
            int year = Integer.parseInt(request.period());
            period = YearMonth.of(year, 12);
            long lastDecember = indicators.run(scope.code(), YearMonth.of(year - 1, 12), profile);
            runIds.add(lastDecember);
            lastYear = indicators.stored(lastDecember);
            for (Map.Entry<YearMonth, Long> run : indicators.runYear(scope.code(), year, profile).entrySet()) {
                runIds.add(run.getValue());
                months.put(run.getKey(), indicators.stored(run.getValue()));
            }
        } else {
            period = YearMonth.parse(request.period());
            long run = indicators.run(scope.code(), period, profile);
            runIds.add(run);
            months.put(period, indicators.stored(run));
        }
        IndicatorRun reported = indicators.storedRun(runIds.get(runIds.size() - 1)).orElseThrow();
        EditionFigures edition = new EditionFigures(scope, period, request.yearly(), profile, profileTitle,
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
