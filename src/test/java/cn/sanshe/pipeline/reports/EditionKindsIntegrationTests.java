package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.demo.DemoInbox;
import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.FigureChange;
import cn.sanshe.pipeline.reports.layout.Formats;
import cn.sanshe.pipeline.reports.layout.Marking;
import cn.sanshe.pipeline.reports.layout.NoData;
import cn.sanshe.pipeline.reports.layout.SectionView;
import cn.sanshe.pipeline.reports.layout.TableRow;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of edition leaders receive — city and district, monthly and yearly, final,
 * provisional (预览版) and correction (更正版), and a month nothing had been sent for — rendered
 * from the demo city's files through ingest and reconcile, with a district that has no incubator
 * (桥西区: its D2 files removed), a street that sent nothing (its files held back, sent late for
 * April: the correction) and January without any file. For each: every chart draws the figures
 * of its table (read from the chart objects JasperReports laid out, not from text), and the PDF
 * prints kpis.json figure by figure, "no data" included.
 */
@SpringBootTest
class EditionKindsIntegrationTests {

    static final Path WORK = Path.of("target/test-work/editions");
    static final Path INBOX = WORK.resolve("inbox");
    static final Path LATE = WORK.resolve("late");
    static final Path OUT = WORK.resolve("out");
    static final String CITY = "130100000000";
    static final String QIAOXI = "130104000000";
    static final String YUHUA = "130108000000";

    /** Today: 10 January 2027, so 2026 is final (December's grace days passed) and January 2027 is not. */
    @TestConfiguration
    static class Today {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2027-01-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    ReportService reports;

    @Autowired
    DashboardPdf pdf;

    static String silentStreet;

    @BeforeEach
    void demoCityWithGaps() throws Exception {
        if (silentStreet != null && count("SELECT COUNT(*) FROM ingest_file") > 0
                && count("SELECT COUNT(*) FROM division WHERE code = '" + CITY + "'") > 0) {
            return;
        }
        LuyuanReportIntegrationTests.deleteRecursively(WORK);
        for (String table : new String[] {"indicator_run_street", "indicator_value", "indicator_run", "org_review",
            "master_apart", "master_override", "master_field_source", "worker_cert_no", "reconcile_conflict",
            "steward_decision", "org_source", "worker_source", "org_master", "worker_master", "stg_s1_community",
            "stg_s2_org_ledger", "stg_s3_worker", "stg_s4_street_centre", "stg_d1_org_registry", "stg_d2_incubator",
            "stg_d3_certificate", "ingest_reject", "ingest_sheet", "ingest_drop", "ingest_file"}) {
            jdbc.update("DELETE FROM " + table);
        }
        if (count("SELECT COUNT(*) FROM division WHERE code = '" + CITY + "'") == 0) {
            assertThat(divisions.load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv")).outcome().succeeded())
                    .isTrue();
        }
        DemoInbox.Summary written = DemoInbox.write(INBOX, List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 3),
                YearMonth.of(2026, 4)), 130100);
        silentStreet = written.files().stream().map(DemoInbox.Summary.File::unit)
                .filter(unit -> unit.length() == 9 && unit.startsWith("130108")).sorted().findFirst().orElseThrow();
        for (DemoInbox.Summary.File file : written.files()) {
            Path path = INBOX.resolve(file.relativePath());
            if (file.template().contains("D2") && file.unit().startsWith("130104")) {
                Files.delete(path);                                   // 桥西区: no incubator
            } else if (file.unit().equals(silentStreet)) {
                Path late = LATE.resolve(file.relativePath());        // sent late, for April only
                Files.createDirectories(late.getParent());
                Files.move(path, late, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        load();
    }

    private void load() throws Exception {
        IngestRun.Result ingested = ingest.inbox(INBOX, null);
        assertThat(ingested.outcome().succeeded()).as(String.join("\n", ingested.summary())).isTrue();
        assertThat(reconcile.run(null).succeeded()).isTrue();
    }

    record Rendered(String name, RenderedReport report, Dashboard dashboard, PdfText text, PrintedCharts charts) {
    }

    private Rendered render(String name, ReportRequest request) throws Exception {
        RenderedReport report = reports.render(new ReportRequest(request.period(), request.scope(), null,
                OUT.resolve(name), request.kind(), request.changes()));
        return read(name, report);
    }

    private Rendered read(String name, RenderedReport report) throws Exception {
        Dashboard dashboard = reports.dashboard(report.runIds(), new ReportRequest(report.request().period(),
                report.request().scope(), null, null, report.kind(), report.changes()));
        assertThat(dashboard.title()).isEqualTo(report.title());
        return new Rendered(name, report, dashboard, PdfText.read(report.pdf()), PrintedCharts.of(pdf.fill(dashboard)));
    }

    @Test
    void everyEditionKindDrawsItsTablesAndPrintsWhatKpisJsonSays() throws Exception {
        List<Rendered> editions = new ArrayList<>();
        editions.add(render("city-monthly-final", new ReportRequest("2026-04", CITY, null, null)));
        editions.add(render("qiaoxi-monthly-final", new ReportRequest("2026-04", QIAOXI, null, null)));
        editions.add(render("yuhua-monthly-final", new ReportRequest("2026-04", YUHUA, null, null)));
        editions.add(render("city-monthly-nodata", new ReportRequest("2026-01", CITY, null, null)));
        editions.add(render("city-yearly-final", new ReportRequest("2026", CITY, null, null)));
        editions.add(render("qiaoxi-yearly-final", new ReportRequest("2026", QIAOXI, null, null)));
        editions.add(render("city-monthly-provisional", new ReportRequest("2027-01", CITY, null, null)));
        editions.add(render("yuhua-monthly-provisional", new ReportRequest("2026-04", YUHUA, null, null,
                Marking.Kind.PROVISIONAL, List.of())));

        // the street that sent nothing sends April late: the delivered April figures change
        RenderedReport cityApril = editions.get(0).report();
        RenderedReport yuhuaApril = editions.get(2).report();
        Files.walk(LATE).filter(Files::isRegularFile).filter(p -> LATE.relativize(p).getName(0).toString().equals("2026-04"))
                .forEach(p -> copy(p, INBOX.resolve(LATE.relativize(p))));
        load();
        for (RenderedReport delivered : List.of(cityApril, yuhuaApril)) {
            List<Long> now = reports.compute(delivered.request());
            List<FigureChange> changes = reports.changes(delivered.runIds(), now);
            assertThat(changes).as("the late file changes figures of %s", delivered.title()).isNotEmpty();
            RenderedReport correction = reports.rerender(now, new ReportRequest("2026-04", delivered.request().scope(),
                    null, OUT.resolve(delivered.request().scope().equals(CITY) ? "city-monthly-correction"
                            : "yuhua-monthly-correction"), Marking.Kind.CORRECTION, changes));
            Rendered read = read(delivered.request().scope().equals(CITY) ? "city-monthly-correction"
                    : "yuhua-monthly-correction", correction);
            editions.add(read);
            // exactly the figures whose printed text changed, each listed with both values
            List<IndicatorValue> before = NoData.apply(Printed.kpis(delivered.kpisJson()));
            List<IndicatorValue> after = Printed.kpis(correction.kpisJson());
            int differing = 0;
            for (IndicatorValue figure : after) {
                if (!figure.period().equals("2026-04") || figure.indicator().startsWith("DQ_")) {
                    continue;
                }
                IndicatorValue was = Printed.figure(before, figure.indicator(), figure.variant(), figure.scope(), "2026-04");
                Indicator indicator = Indicator.valueOf(figure.indicator());
                if (!Formats.cell(indicator, was).equals(Formats.cell(indicator, figure))) {
                    differing++;
                }
            }
            assertThat(changes).hasSize(differing);
            for (FigureChange change : changes.subList(0, Math.min(5, changes.size()))) {
                assertThat(read.text().text().replace(" ", "")).contains(change.line().replace(" ", ""));
            }
        }
        if (!delivered(editions, "yuhua-monthly-correction").changes().stream()
                .anyMatch(c -> c.figure().startsWith(streetName()))) {
            throw new AssertionError("the street that sent late is among the corrected figures");
        }

        for (Rendered edition : editions) {
            checkMarks(edition);
            checkChartsDrawTheirTables(edition);
            checkKpisEqualThePdf(edition);
        }
        // the month without data: null and 无数据 in kpis.json, 无数据 in the PDF, no chart drawn
        Rendered none = find(editions, "city-monthly-nodata");
        assertThat(Printed.kpis(none.report().kpisJson())).filteredOn(v -> v.period().equals("2026-01")
                && !v.indicator().startsWith("DQ_")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.value()).isNull()).allSatisfy(v -> assertThat(v.status()).isEqualTo("无数据"));
        assertThat(none.charts().charts()).isEmpty();
        assertThat(none.text().text()).contains("社区设施覆盖率 · 各区（县）（%）：无数据");
        // the district without an incubator: its incubator chart draws its streets' zeros, labelled
        Rendered qiaoxi = find(editions, "qiaoxi-monthly-final");
        PrintedCharts.Chart incubators = qiaoxi.charts().charts().stream().filter(c -> c.title().startsWith("孵化基地数"))
                .findFirst().orElseThrow();
        assertThat(incubators.values()).isNotEmpty().allSatisfy((unit, value) -> assertThat(value).isZero());
        // the street that sent nothing: 无数据 on its line in the district's April edition
        Rendered yuhua = find(editions, "yuhua-monthly-final");
        assertThat(yuhua.text().lines()).anyMatch(line -> line.startsWith(streetName() + " 无数据"));
        // the yearly edition is as of December and its trend skips January (nothing sent)
        Rendered year = find(editions, "city-yearly-final");
        assertThat(year.text().text()).contains("截至2026年12月");
        assertThat(year.charts().charts()).filteredOn(c -> c.title().contains("逐月")).hasSize(4)
                .allSatisfy(c -> assertThat(c.values().keySet()).doesNotContain("1月").contains("2月", "12月"));
    }

    private static RenderedReport delivered(List<Rendered> editions, String name) {
        return find(editions, name).report();
    }

    private static Rendered find(List<Rendered> editions, String name) {
        return editions.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private String streetName() {
        return jdbc.queryForObject("SELECT name FROM division WHERE code = ?", String.class, silentStreet + "000");
    }

    /** Provisional: 预览版·未截止 in the title and on every page; correction: 更正版 likewise, and its list on page 1. */
    private static void checkMarks(Rendered edition) {
        Marking.Kind kind = edition.report().kind();
        String name = edition.name();
        Marking.Kind expected = name.contains("provisional") ? Marking.Kind.PROVISIONAL
                : name.contains("correction") ? Marking.Kind.CORRECTION : Marking.Kind.FINAL;
        assertThat(kind).as(name).isEqualTo(expected);
        String mark = switch (kind) {
            case PROVISIONAL -> "预览版·未截止";
            case CORRECTION -> "更正版";
            default -> null;
        };
        if (mark == null) {
            assertThat(edition.text().text()).as(name).doesNotContain("预览版", "更正版");
            return;
        }
        assertThat(edition.report().title()).contains(mark);
        assertThat(edition.text().lines().stream().filter(line -> line.startsWith(mark)).count()).as(name)
                .isGreaterThanOrEqualTo(edition.text().pages());
        if (kind == Marking.Kind.CORRECTION) {
            assertThat(edition.text().text()).contains("更正说明（指标：原数字 → 更正后）");
        }
    }

    /**
     * Each bar chart draws, unit by unit, the figures of the column its title names in its
     * section's table (or, when no unit has one, the total line's figures by column), and that
     * table line is in the PDF; each trend draws the scope's figure of each month of kpis.json.
     */
    private static void checkChartsDrawTheirTables(Rendered edition) throws Exception {
        List<SectionView> sections = edition.dashboard().sections();
        int bars = 0;
        for (SectionView section : sections) {
            if (section.bars().isEmpty()) {
                continue;
            }
            bars++;
            PrintedCharts.Chart chart = edition.charts().charts().stream().filter(c -> c.title().equals(section.chartTitle()))
                    .findFirst().orElseThrow(() -> new AssertionError(edition.name() + ": no chart " + section.chartTitle()));
            assertThat(chart.values()).as("%s: %s draws every bar", edition.name(), chart.title())
                    .hasSize(section.bars().size());
            String column = chart.title().substring(0, chart.title().indexOf(" · "));
            int index = section.headers().indexOf(column);
            for (Map.Entry<String, BigDecimal> bar : chart.values().entrySet()) {
                TableRow row;
                int cell;
                if (index >= 0) {
                    row = section.rows().stream().filter(r -> r.unit().equals(bar.getKey())).findFirst().orElseThrow();
                    cell = index;
                } else {                                  // the scope's own figures, by column
                    row = section.rows().get(section.rows().size() - 1);
                    cell = section.headers().indexOf(bar.getKey());
                }
                String printed = row.cells().get(cell).text();
                String drawn = bar.getValue() == null ? null : bar.getValue().stripTrailingZeros().toPlainString();
                String table = printed.replace("%", "");
                if (drawn == null) {
                    assertThat(printed).as("%s %s %s", edition.name(), chart.title(), bar.getKey()).isIn("无数据", "—");
                } else {
                    assertThat(new BigDecimal(table)).as("%s %s %s", edition.name(), chart.title(), bar.getKey())
                            .isEqualByComparingTo(bar.getValue());
                }
                assertThat(edition.text().hasLine(row.unit(), row.cells().stream().map(c -> c.text()).toList()))
                        .as("%s: table line %s is printed", edition.name(), row.unit()).isTrue();
            }
        }
        long drawnBars = edition.charts().charts().stream().filter(c -> !c.title().contains("逐月")).count();
        assertThat(drawnBars).as(edition.name()).isEqualTo(bars);
        if (edition.dashboard().yearly()) {
            List<IndicatorValue> kpis = Printed.kpis(edition.report().kpisJson());
            String scope = edition.report().request().scope();
            for (PrintedCharts.Chart trend : edition.charts().charts().stream().filter(c -> c.title().contains("逐月")).toList()) {
                SectionView section = sections.stream().filter(s -> trend.title().equals(s.trendTitle())).findFirst()
                        .orElseThrow();
                Indicator indicator = mainIndicator(section);
                String variant = indicator.variants().get(0);
                trend.values().forEach((month, value) -> {
                    String period = String.format("%s-%02d", edition.dashboard().title().replaceAll(".*（(\\d{4})年.*", "$1"),
                            Integer.parseInt(month.replace("月", "")));
                    IndicatorValue figure = Printed.figure(kpis, indicator.id(), variant, scope, period);
                    assertThat(value).as("%s %s %s", edition.name(), trend.title(), month)
                            .isEqualByComparingTo(Formats.printed(indicator, figure.value()));
                });
            }
        }
    }

    private static Indicator mainIndicator(SectionView section) {
        for (Indicator indicator : Indicator.values()) {
            if (section.title().equals(cn.sanshe.pipeline.reports.layout.Labels.get("section." + indicator.section().name()))) {
                return indicator;
            }
        }
        throw new AssertionError(section.title());
    }

    /**
     * kpis.json figure by figure in the PDF: every section line of every unit for the month
     * reported, every page-1 figure with a target (value with unit), and the context counts.
     */
    private static void checkKpisEqualThePdf(Rendered edition) throws Exception {
        List<IndicatorValue> kpis = Printed.kpis(edition.report().kpisJson());
        String scope = edition.report().request().scope();
        String period = edition.dashboard().yearly() ? edition.dashboard().title().replaceAll(".*（(\\d{4})年.*", "$1") + "-12"
                : edition.report().request().period();
        List<String> units = kpis.stream().filter(v -> v.period().equals(period)).map(IndicatorValue::scope).distinct()
                .toList();
        for (Section section : Section.values()) {
            for (String unit : units) {
                String name = unit.equals(scope) ? "合计" : edition.dashboard().sections().get(0).rows().stream()
                        .filter(r -> r.unitCode().equals(unit)).findFirst().orElseThrow().unit();
                assertThat(edition.text().hasLine(name, Printed.sectionLine(kpis, section, unit, period)))
                        .as("%s: %s line of %s equals kpis.json %s", edition.name(), name, section,
                                Printed.sectionLine(kpis, section, unit, period)).isTrue();
            }
        }
        for (IndicatorValue figure : kpis) {
            if (!figure.scope().equals(scope) || !figure.period().equals(period) || figure.target() == null
                    || figure.indicator().startsWith("DQ_")) {
                continue;
            }
            Indicator indicator = Indicator.valueOf(figure.indicator());
            String line = DashboardBuilder.figureName(indicator, figure.variant()) + " " + Formats.withUnit(indicator, figure)
                    + " ";
            assertThat(edition.text().lines()).as("%s page 1: %s", edition.name(), line).anyMatch(l -> l.startsWith(line));
        }
        IndicatorValue coverage = Printed.figure(kpis, "FAC_COMMUNITY_COVERAGE", "all", scope, period);
        String communities = NoData.isNoData(coverage) ? "无数据"
                : coverage.denominator().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + " 个";
        IndicatorValue orgs = Printed.figure(kpis, "ORG_COUNT", "all", scope, period);
        String organizations = NoData.isNoData(orgs) ? "无数据" : orgs.value().toPlainString() + " 个";
        assertThat(edition.text().lines()).as("%s context", edition.name())
                .anyMatch(l -> l.startsWith(communities) && l.contains(organizations));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
