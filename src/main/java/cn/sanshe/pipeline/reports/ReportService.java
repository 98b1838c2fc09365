package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorRun;
import cn.sanshe.pipeline.indicators.IndicatorService;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.indicators.StreetSubmission;
import cn.sanshe.pipeline.indicators.StreetSubmissions;
import cn.sanshe.pipeline.reports.export.KpisWriter;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.EditionFigures;
import cn.sanshe.pipeline.reports.layout.FigureChange;
import cn.sanshe.pipeline.reports.layout.Formats;
import cn.sanshe.pipeline.reports.layout.Labels;
import cn.sanshe.pipeline.reports.layout.Marking;
import cn.sanshe.pipeline.reports.layout.NoData;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Renders a dashboard edition: computes and stores its figures (indicators) and the street annex
 * with them, lays them out, fills the JasperReports templates, writes the PDF and, beside it,
 * kpis.json and kpis.csv with exactly the figures the PDF prints.
 *
 * <p>Runs of an edition, as printed and as {@code --from-runs} takes them: a monthly edition the
 * month and then the month before ({@code [2026-10, 2026-09]}: page 1's change on last month); a
 * yearly one last December and then January … the month it is as of, in order.
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
    private final PeriodFinality finality;
    private final String defaultProfile;

    ReportService(IndicatorService indicators, StreetSubmissions streets, TargetProfiles profiles, DashboardPdf pdf,
            PipelineProperties properties, PeriodFinality finality,
            @Value("${pipeline.report.profile:shijiazhuang-2020}") String defaultProfile) {
        this.indicators = indicators;
        this.streets = streets;
        this.profiles = profiles;
        this.pdf = pdf;
        this.properties = properties;
        this.finality = finality;
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
        List<Long> runIds = runs(request.period(), scope, profile);
        Marking.Kind kind;
        if (request.yearly()) {
            YearMonth asOf = indicators.storedRun(runIds.get(runIds.size() - 1)).orElseThrow().period();
            kind = asOf.getMonthValue() == 12 ? Marking.Kind.FINAL : Marking.Kind.PROVISIONAL;
        } else {
            kind = finality.isFinal(scope.code(), request.period()) ? Marking.Kind.FINAL : Marking.Kind.PROVISIONAL;
        }
        if (request.kind() != null && request.kind() != Marking.Kind.FINAL) {
            kind = request.kind();
        }
        return renderRuns(new ReportRequest(request.period(), scope.code(), profile, request.outDir(), kind,
                request.changes()), scope, runIds, start);
    }

    @Override
    public List<Long> compute(ReportRequest request) {
        String profile = request.profile() != null ? request.profile() : defaultProfile;
        profiles.title(profile);
        return runs(request.period(), indicators.scope(request.scope()), profile);
    }

    /** Computes and stores an edition's runs, each month's street annex with its run. */
    private List<Long> runs(String periodText, Scope scope, String profile) {
        List<Long> runIds = new ArrayList<>();
        if (periodText.length() == 4) {
            int year = Integer.parseInt(periodText);
            YearMonth asOf = finality.lastFinalMonth(scope.code(), year).orElseThrow(() -> new IllegalArgumentException(
                    year + "年还没有已截止的月份，无法生成年报：" + finality.notFinal(scope.code(), YearMonth.of(year, 1))
                            .orElse("")));
            runIds.add(indicators.runOrReuse(scope.code(), YearMonth.of(year - 1, 12), profile));
            Map<YearMonth, Long> months = indicators.runYear(scope.code(), year, profile);
            for (int m = 1; m <= asOf.getMonthValue(); m++) {
                long run = months.get(YearMonth.of(year, m));
                streets.store(run, scope.code(), YearMonth.of(year, m));
                runIds.add(run);
            }
        } else {
            YearMonth month = YearMonth.parse(periodText);
            // the run the indicators stage stored for the month, when no input changed since: the
            // same figures a computation now would give, without reading the rows again
            long run = indicators.runOrReuse(scope.code(), month, profile);
            if (streets.stored(run).isEmpty()) {
                streets.store(run, scope.code(), month);
            }
            runIds.add(run);
            runIds.add(indicators.runOrReuse(scope.code(), month.minusMonths(1), profile));
        }
        return runIds;
    }

    /**
     * Renders an edition again from its stored runs (as {@code report} printed them), with exactly
     * the figures and street annex it had; final or 预览版 as the period is now.
     */
    public RenderedReport rerender(List<Long> runIds, Path outDir) {
        Edition edition = edition(runIds);
        Marking.Kind kind = edition.yearly ? (edition.months.get(edition.months.size() - 1).period().getMonthValue() == 12
                ? Marking.Kind.FINAL : Marking.Kind.PROVISIONAL)
                : finality.isFinal(edition.scope, edition.period) ? Marking.Kind.FINAL : Marking.Kind.PROVISIONAL;
        return rerender(runIds, new ReportRequest(edition.period, edition.scope, edition.profile, outDir, kind,
                List.of()));
    }

    @Override
    public RenderedReport rerender(List<Long> runIds, ReportRequest request) {
        long start = System.nanoTime();
        Edition edition = edition(runIds);
        Scope scope = indicators.scope(edition.scope);
        Marking.Kind kind = request.kind() == null ? Marking.Kind.FINAL : request.kind();
        return renderRuns(new ReportRequest(edition.period, scope.code(), edition.profile, request.outDir(), kind,
                request.changes()), scope, runIds, start).report();
    }

    @Override
    public LocalDateTime dataCutoff() {
        return indicators.dataCutoff();
    }

    /** What a list of run ids is: a monthly edition ([month], or [month, month before]) or a yearly one. */
    private record Edition(boolean yearly, String period, String scope, String profile, List<IndicatorRun> months,
            IndicatorRun before) {
    }

    private Edition edition(List<Long> runIds) {
        if (runIds == null || runIds.isEmpty()) {
            throw new IllegalArgumentException("没有给出指标计算编号");
        }
        List<IndicatorRun> runs = runIds.stream().map(id -> indicators.storedRun(id)
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 " + id + " 的指标计算"))).toList();
        IndicatorRun first = runs.get(0);
        if (runs.stream().anyMatch(run -> !run.scopeCode().equals(first.scopeCode())
                || !Objects.equals(run.profile(), first.profile()))) {
            throw new IllegalArgumentException("指标计算编号应属于同一范围、同一目标口径");
        }
        if (runs.size() == 1) {
            return new Edition(false, first.period().toString(), first.scopeCode(), first.profile(), runs, null);
        }
        if (runs.size() == 2 && runs.get(1).period().equals(first.period().minusMonths(1))) {
            return new Edition(false, first.period().toString(), first.scopeCode(), first.profile(), List.of(first),
                    runs.get(1));
        }
        boolean consecutive = first.period().getMonthValue() == 12;
        for (int i = 1; consecutive && i < runs.size(); i++) {
            consecutive = runs.get(i).period().equals(first.period().plusMonths(i));
        }
        if (!consecutive || runs.size() > 13) {
            throw new IllegalArgumentException("应给出月报的指标计算编号（本月、上月），或年报的（上年12月及当年1月起逐月）");
        }
        return new Edition(true, String.valueOf(first.period().getYear() + 1), first.scopeCode(), first.profile(),
                runs.subList(1, runs.size()), first);
    }

    /** The pages an edition of these runs prints, as {@link #rerender} lays them out (for tests that read the charts). */
    public Dashboard dashboard(List<Long> runIds, ReportRequest request) {
        Edition runs = edition(runIds);
        Scope scope = indicators.scope(runs.scope);
        return DashboardBuilder.build(figures(new ReportRequest(runs.period, scope.code(), runs.profile,
                request.outDir(), request.kind(), request.changes()), scope, runs));
    }

    private Timed renderRuns(ReportRequest request, Scope scope, List<Long> runIds, long start) {
        Edition runs = edition(runIds);
        EditionFigures edition = figures(request, scope, runs);
        Dashboard dashboard = DashboardBuilder.build(edition);
        long computed = System.nanoTime();

        Path folder = request.outDir() != null ? request.outDir()
                : properties.reports().resolve(request.period()).resolve(scope.code());
        Path pdfFile = folder.resolve(dashboard.title() + ".pdf");
        DashboardPdf.Timing timing = pdf.write(dashboard, pdfFile);
        KpisWriter.write(printed(edition, scope), request.profile(), folder.resolve("kpis.json"),
                folder.resolve("kpis.csv"));
        log.info("Rendered {} ({} pages) to {}", dashboard.title(), timing.pages(), pdfFile);
        IndicatorRun reported = runs.months().get(runs.months().size() - 1);
        RenderedReport report = new RenderedReport(request, dashboard.title(), request.profile(), pdfFile,
                folder.resolve("kpis.json"), folder.resolve("kpis.csv"), List.copyOf(runIds), edition.marking().kind(),
                scope.unit().name(), dashboard.periodLabel(), dashboard.verdict(), dashboard.movers(),
                edition.marking().changes(), reported.dataCutoff());
        return new Timed(report, computed - start, timing.fillNanos(), timing.exportNanos(), timing.pages());
    }

    private EditionFigures figures(ReportRequest request, Scope scope, Edition runs) {
        String profile = request.profile();
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>();
        Map<YearMonth, List<StreetSubmission>> streetMonths = new LinkedHashMap<>();
        for (IndicatorRun run : runs.months()) {
            months.put(run.period(), NoData.apply(indicators.stored(run.id())));
            streetMonths.put(run.period(), streets.stored(run.id()).orElseGet(() -> streets.of(scope.code(), run.period())));
        }
        List<IndicatorValue> before = runs.before() == null ? List.of() : NoData.apply(indicators.stored(runs.before().id()));
        IndicatorRun reported = runs.months().get(runs.months().size() - 1);
        YearMonth period = reported.period();
        List<IndicatorValue> lastMonth = runs.yearly()
                ? (months.size() > 1 ? months.get(period.minusMonths(1)) : before) : before;
        Marking marking = switch (request.kind() == null ? Marking.Kind.FINAL : request.kind()) {
            case PROVISIONAL -> Marking.PROVISIONAL;
            case CORRECTION -> Marking.correction(request.changes());
            default -> Marking.FINAL;
        };
        return new EditionFigures(scope, period, runs.yearly(), profile, profiles.title(profile),
                profiles.comparators(profile), months.get(period), runs.yearly() ? months : Map.of(),
                runs.yearly() ? before : List.of(), streetMonths.get(period), beijingTime(reported.dataCutoff()),
                LocalDateTime.now(SHANGHAI), lastMonth, runs.yearly() ? streetMonths : Map.of(), marking);
    }

    /**
     * The figures an edition prints, as kpis.json lists them: a monthly edition its month and, for
     * the whole scope, the month before (page 1's change); a yearly one last December and its months.
     */
    private static List<IndicatorValue> printed(EditionFigures edition, Scope scope) {
        List<IndicatorValue> printed = new ArrayList<>();
        if (edition.yearly()) {
            printed.addAll(edition.lastYear());
            edition.months().values().forEach(printed::addAll);
        } else {
            printed.addAll(edition.values());
            edition.lastMonth().stream().filter(v -> v.scope().equals(scope.code())).forEach(printed::add);
        }
        return printed;
    }

    @Override
    public List<FigureChange> changes(List<Long> before, List<Long> after) {
        Edition then = edition(before);
        Edition now = edition(after);
        Scope scope = indicators.scope(now.scope);
        Map<String, String> names = new HashMap<>();
        names.put(scope.code(), scope.unit().name());
        scope.children().forEach(child -> names.put(child.code(), child.name()));
        Map<String, String> old = printedFigures(then, names);
        Map<String, String> fresh = printedFigures(now, names);
        List<FigureChange> changes = new ArrayList<>();
        fresh.forEach((figure, text) -> {
            String was = old.getOrDefault(figure, Formats.NONE);
            if (!was.equals(text)) {
                changes.add(new FigureChange(figure, was, text));
            }
        });
        return changes;
    }

    /** Every figure of an edition's months as printed (data-quality annex aside), by unit, month and name. */
    private Map<String, String> printedFigures(Edition edition, Map<String, String> names) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (IndicatorRun run : edition.months()) {
            String month = edition.yearly() ? run.period().getMonthValue() + "月 " : "";
            for (IndicatorValue value : NoData.apply(indicators.stored(run.id()))) {
                Indicator indicator = Indicator.valueOf(value.indicator());
                if (indicator.section() == Section.DATA_QUALITY) {
                    continue;
                }
                String unit = names.getOrDefault(value.scope(), value.scope());
                String name = value.variant().isEmpty() ? Labels.column(indicator.id(), "")
                        : Labels.column(indicator.id(), value.variant());
                figures.put(month + unit + " " + name, Formats.cell(indicator, value));
            }
        }
        return figures;
    }
}
