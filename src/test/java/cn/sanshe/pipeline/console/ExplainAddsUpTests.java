package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.indicators.Explain;
import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorService;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For every indicator and variant of an edition (the district's and the city's), the drill-down's
 * figure is the stored figure, its units add up to it (numerators and denominators; a person on
 * the rosters of two streets counts in both streets and once in the district, and the drill-down
 * says so), each unit's figure is the stored child figure, and the master records listed are
 * exactly those counted: as many per unit as its numerator and denominator, and together the
 * scope's.
 */
@SpringBootTest
class ExplainAddsUpTests {

    static final YearMonth PERIOD = YearMonth.parse(ConsoleCity.PERIOD);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    IndicatorService indicators;

    @Autowired
    Explain explain;

    @TempDir
    Path dir;

    @BeforeEach
    void city() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
    }

    @Test
    void everyFigureOfTheEditionsAddsUpToItsUnitsAndItsRecords() {
        int checked = 0;
        int recordsChecked = 0;
        int overlaps = 0;
        for (String scope : List.of("130102000000", "130100000000")) {
            String profile = explain.profileOf(scope, PERIOD.toString());
            long run = indicators.run(scope, PERIOD, profile);
            List<IndicatorValue> stored = indicators.stored(run);
            for (Indicator indicator : Indicator.values()) {
                for (String variant : indicator.variants()) {
                    String what = scope + " " + indicator.id() + " " + variant;
                    Explain.Drill drill = explain.units(scope, PERIOD, profile, indicator, variant);
                    IndicatorValue whole = value(stored, indicator, variant, scope);
                    same(what + " figure", drill.figure().value(), whole.value());
                    same(what + " numerator", drill.figure().numerator(), whole.numerator());
                    same(what + " denominator", drill.figure().denominator(), whole.denominator());
                    for (Explain.UnitFigure unit : drill.units()) {
                        if (!unit.own()) {
                            IndicatorValue child = value(stored, indicator, variant, unit.code());
                            same(what + " unit " + unit.code(), unit.numerator(), child.numerator());
                            same(what + " unit " + unit.code(), unit.denominator(), child.denominator());
                        }
                    }
                    if (whole.numerator() == null) {
                        continue;
                    }
                    List<Set<Long>> numeratorSets = new java.util.ArrayList<>();
                    List<Set<Long>> denominatorSets = new java.util.ArrayList<>();
                    if (Explain.kind(indicator) != Explain.Kind.NONE) {
                        for (Explain.UnitFigure unit : drill.units()) {
                            List<Explain.Counted> records = explain.records(scope, PERIOD, profile, indicator, variant,
                                    unit.code(), unit.own());
                            Set<Long> numerator = ids(records, true);
                            Set<Long> denominator = ids(records, false);
                            if (Explain.countsRecords(indicator, true)) {
                                same(what + " records of " + unit.name(), BigDecimal.valueOf(numerator.size()), unit.numerator());
                            }
                            if (Explain.countsRecords(indicator, false)) {
                                same(what + " records of " + unit.name(), BigDecimal.valueOf(denominator.size()), unit.denominator());
                            }
                            numeratorSets.add(numerator);
                            denominatorSets.add(denominator);
                            recordsChecked += records.size();
                        }
                        List<Explain.Counted> all = explain.records(scope, PERIOD, profile, indicator, variant, scope, false);
                        Set<Long> union = numeratorSets.stream().flatMap(Set::stream).collect(Collectors.toSet());
                        assertThat(ids(all, true)).as(what + ": the units' records together are the scope's").isEqualTo(union);
                        if (Explain.countsRecords(indicator, true)) {
                            same(what + " records of the scope", BigDecimal.valueOf(union.size()), whole.numerator());
                        }
                        if (Explain.countsRecords(indicator, false)) {
                            Set<Long> denominators = denominatorSets.stream().flatMap(Set::stream).collect(Collectors.toSet());
                            same(what + " denominator records of the scope", BigDecimal.valueOf(denominators.size()),
                                    whole.denominator());
                        }
                    }
                    BigDecimal twice = Explain.distinctPeople(indicator, true) ? counted(numeratorSets) : BigDecimal.ZERO;
                    same(what + ": units' numerators add up", drill.unitsNumerator().subtract(twice), whole.numerator());
                    if (whole.denominator() != null) {
                        BigDecimal twiceD = Explain.distinctPeople(indicator, false) ? counted(denominatorSets) : BigDecimal.ZERO;
                        same(what + ": units' denominators add up", drill.unitsDenominator().subtract(twiceD),
                                whole.denominator());
                    }
                    overlaps += twice.signum() > 0 ? 1 : 0;
                    checked++;
                }
            }
        }
        System.out.printf("explain: %d figures add up to their units, %d master records listed as counted, "
                + "%d figures with a person counted in two units%n", checked, recordsChecked, overlaps);
        assertThat(checked).isGreaterThan(60);
        assertThat(recordsChecked).isGreaterThan(20);
        assertThat(overlaps).as("王刚 is on the rosters of both streets of 长安区").isPositive();
    }

    @Test
    void aRecordLeftOutOrCountedTwiceWouldBeSeen() {
        // The twin: the district's organizations listed by the drill-down are exactly its count, so
        // dropping one of them (as a wrong condition would) breaks the equality the test relies on.
        String scope = "130102000000";
        String profile = explain.profileOf(scope, PERIOD.toString());
        Explain.Drill drill = explain.units(scope, PERIOD, profile, Indicator.ORG_COUNT, "all");
        List<Explain.Counted> records = explain.records(scope, PERIOD, profile, Indicator.ORG_COUNT, "all", scope, false);
        assertThat(drill.figure().numerator().intValueExact()).isEqualTo(ids(records, true).size()).isPositive();
        assertThat(ids(records.subList(1, records.size()), true)).hasSize(drill.figure().numerator().intValueExact() - 1);
    }

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    ConsoleUsers users;

    @Test
    void aViewerDrillsFromAFigureToSourceRowsInsideTheJurisdictionOnly() throws Exception {
        OpsTestSupport.users(jdbc, divisions, users);
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var viewer = ConsoleTestSupport.as(users, "viewer-district");
        String base = "/explain/" + ConsoleCity.PERIOD + "/130102000000";
        String edition = page(mvc, base, viewer);
        assertThat(edition).contains("社区社会组织数量").contains(base + "/ORG_COUNT?variant=all");
        String figure = page(mvc, base + "/ORG_COUNT?variant=all", viewer);
        assertThat(figure).contains("建北街道").contains("青园街道").contains("各单位合计").contains("计入的记录");
        String unit = page(mvc, base + "/ORG_COUNT/unit/" + ConsoleCity.STREET_A + "000?variant=all&own=false", viewer);
        assertThat(unit).contains("阳光社区").contains("/explain/master/org/");
        String masterLink = unit.substring(unit.indexOf("/explain/master/org/"));
        masterLink = masterLink.substring(0, masterLink.indexOf('"'));
        String master = page(mvc, masterLink, viewer);
        assertThat(master).contains("社会组织台账.csv").contains("来源行").contains(ConsoleCity.PERIOD);
        String workers = page(mvc, base + "/STF_COLLEGE_RATE", viewer);
        assertThat(workers).contains("id=\"overlap\"").contains("同一人在两个单位");
        for (String id : ConsoleCity.IDENTITY_NUMBERS) {
            assertThat(workers + page(mvc, base + "/STF_COLLEGE_RATE/unit/" + ConsoleCity.STREET_A + "000", viewer))
                    .doesNotContain(id);
        }

        for (String who : List.of("viewer-streetA", "viewer-otherDistrict", "steward-streetB")) {
            var other = ConsoleTestSupport.as(users, who);
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base).with(other))
                    .andReturn().getResponse().getStatus()).as(who).isEqualTo(404);
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get(base + "/ORG_COUNT").with(other)).andReturn().getResponse().getStatus()).as(who).isEqualTo(404);
        }
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(masterLink)
                .with(ConsoleTestSupport.as(users, "viewer-otherDistrict"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(page(mvc, masterLink, ConsoleTestSupport.as(users, "viewer-city"))).contains("社会组织台账.csv");
    }

    @Test
    void theCommandWritesTheSameDrillDownAsACsv() throws Exception {
        Path out = dir.resolve("explain.csv");
        java.io.StringWriter text = new java.io.StringWriter();
        int status = cn.sanshe.pipeline.cli.CommandLineFrame.execute(new java.io.PrintWriter(text, true),
                new java.io.PrintWriter(text, true), "explain", "--indicator", "ORG_COUNT", "--scope", "130102000000",
                "--period", ConsoleCity.PERIOD, "--out", out.toString());
        assertThat(status).as(text.toString()).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(out);
        String profile = explain.profileOf("130102000000", ConsoleCity.PERIOD);
        Explain.Drill drill = explain.units("130102000000", PERIOD, profile, Indicator.ORG_COUNT, "all");
        assertThat(lines.get(1)).startsWith("figure,ORG_COUNT,all,2026-10,130102000000,长安区,"
                + drill.figure().value().stripTrailingZeros().toPlainString());
        assertThat(lines.stream().filter(l -> l.startsWith("record,"))).hasSize(drill.figure().numerator().intValueExact());
        assertThat(lines.stream().filter(l -> l.startsWith("source,"))).allMatch(l -> l.contains("社会组织台账.csv"))
                .isNotEmpty();
        assertThat(cn.sanshe.pipeline.cli.CommandLineFrame.execute(new java.io.PrintWriter(text, true),
                new java.io.PrintWriter(text, true), "explain", "--indicator", "NO_SUCH", "--scope", "130102000000",
                "--period", ConsoleCity.PERIOD, "--out", out.toString())).isEqualTo(2);
    }

    private static String page(org.springframework.test.web.servlet.MockMvc mvc, String path,
            org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(who))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static BigDecimal counted(List<Set<Long>> sets) {
        int sum = sets.stream().mapToInt(Set::size).sum();
        Set<Long> union = new HashSet<>();
        sets.forEach(union::addAll);
        return BigDecimal.valueOf(sum - union.size());
    }

    private static Set<Long> ids(List<Explain.Counted> records, boolean numerator) {
        return records.stream().filter(r -> numerator ? r.inNumerator() : r.inDenominator()).map(Explain.Counted::id)
                .collect(Collectors.toSet());
    }

    private static IndicatorValue value(List<IndicatorValue> values, Indicator indicator, String variant, String unit) {
        return values.stream().filter(v -> v.indicator().equals(indicator.id()) && v.variant().equals(variant)
                && v.scope().equals(unit)).findFirst().orElseThrow(() -> new AssertionError(indicator + " " + variant + " " + unit));
    }

    private static void same(String what, BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            assertThat(Objects.equals(a, b) || (a == null ? b.signum() == 0 : a.signum() == 0) && false
                    || a == b).as(what + ": " + a + " vs " + b).isTrue();
            return;
        }
        assertThat(a.compareTo(b)).as(what + ": " + a + " vs " + b).isZero();
    }
}
