package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figures that hold (metamorphic): the same ten months of files, with a year's changes in them
 * ({@link TenMonthsInbox}), give the same kpis.json for every month however they were loaded —
 * <ol>
 * <li>month by month: each month's folder ingested and reconciled, then the month reported (a
 *     month is reported once the next month's folder is in, as a late file comes with it; the
 *     report made right after the month's own folder is the same for every month without one);
 * <li>all ten folders ingested and reconciled at once, then every month reported;
 * <li>the folders loaded one at a time in reverse order, then every month reported.
 * </ol>
 * The three are the same content in three districts of one database, compared with the district's
 * code taken out. Then: the stored runs of the month-by-month reports render again with the same
 * figures ({@code report --from-runs}), and the yearly edition's monthly points are the months'.
 * A mutant that reads a master's attributes as they are now rather than as of the month (or files
 * the stale title under August) makes months differ.
 */
@SpringBootTest
class AsOfFiguresIntegrationTests {

    static final Path WORK = Path.of("target/test-work/as-of");
    static final String MONTHLY = "兴宁区";
    static final String BY_MONTH = "450102";
    static final String AT_ONCE = "450103";
    static final String REVERSED = "450105";
    static final String PROFILE = "shijiazhuang-2020";
    /** The month whose late file comes with the next month's folder. */
    static final int LATE_FILE_MONTH = 4;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @BeforeAll
    static void reference(@Autowired DivisionLoader divisions) throws Exception {
        LuyuanReportIntegrationTests.deleteRecursively(WORK);
        Path csv = Files.createDirectories(WORK).resolve("divisions-4501.csv");
        Files.writeString(csv, TenMonthsInbox.divisionsCsv(List.of(new String[] {BY_MONTH, MONTHLY},
                new String[] {AT_ONCE, "青秀区"}, new String[] {REVERSED, "江南区"})), StandardCharsets.UTF_8);
        assertThat(divisions.load(csv).outcome().succeeded()).isTrue();
    }

    @AfterAll
    static void removeReference(@Autowired JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM division WHERE code LIKE '45%'");
    }

    @Test
    void everyMonthsFiguresAreTheSameHoweverTheMonthsWereLoaded() throws Exception {
        // (a) month by month
        TenMonthsInbox a = new TenMonthsInbox(BY_MONTH);
        Path inboxA = WORK.resolve("inbox-" + BY_MONTH);
        Map<Integer, String> immediate = new LinkedHashMap<>();
        Map<Integer, String> monthByMonth = new LinkedHashMap<>();
        Map<Integer, String> runsA = new LinkedHashMap<>();
        for (int m = 1; m <= TenMonthsInbox.MONTHS; m++) {
            a.write(inboxA, m);
            load(inboxA);
            immediate.put(m, report(BY_MONTH, TenMonthsInbox.month(m), "a-now").kpis);
            if (m > 1) {
                Report lagged = report(BY_MONTH, TenMonthsInbox.month(m - 1), "a");
                monthByMonth.put(m - 1, lagged.kpis);
                runsA.put(m - 1, lagged.runs);
            }
        }
        monthByMonth.put(TenMonthsInbox.MONTHS, immediate.get(TenMonthsInbox.MONTHS));

        // (b) all at once
        TenMonthsInbox b = new TenMonthsInbox(AT_ONCE);
        Path inboxB = WORK.resolve("inbox-" + AT_ONCE);
        for (int m = 1; m <= TenMonthsInbox.MONTHS; m++) {
            b.write(inboxB, m);
        }
        load(inboxB);
        Map<Integer, String> atOnce = new LinkedHashMap<>();
        for (int m = 1; m <= TenMonthsInbox.MONTHS; m++) {
            atOnce.put(m, report(AT_ONCE, TenMonthsInbox.month(m), "b").kpis);
        }

        // (c) one folder at a time, October first
        TenMonthsInbox c = new TenMonthsInbox(REVERSED);
        Path inboxC = WORK.resolve("inbox-" + REVERSED);
        for (int m = TenMonthsInbox.MONTHS; m >= 1; m--) {
            c.write(inboxC, m);
            load(inboxC);
        }
        Map<Integer, String> reversed = new LinkedHashMap<>();
        for (int m = 1; m <= TenMonthsInbox.MONTHS; m++) {
            reversed.put(m, report(REVERSED, TenMonthsInbox.month(m), "c").kpis);
        }

        for (int m = 1; m <= TenMonthsInbox.MONTHS; m++) {
            String expected = neutral(atOnce.get(m), AT_ONCE);
            assertThat(neutral(monthByMonth.get(m), BY_MONTH)).as("month %d: month by month = all at once", m)
                    .isEqualTo(expected);
            assertThat(neutral(reversed.get(m), REVERSED)).as("month %d: reverse order = all at once", m)
                    .isEqualTo(expected);
            if (m != LATE_FILE_MONTH) {
                assertThat(neutral(immediate.get(m), BY_MONTH)).as("month %d reported right after its folder", m)
                        .isEqualTo(expected);
            }
        }
        // The late file does change its month (a street's April ledger), and only that month.
        assertThat(neutral(immediate.get(LATE_FILE_MONTH), BY_MONTH))
                .isNotEqualTo(neutral(atOnce.get(LATE_FILE_MONTH), AT_ONCE));

        // The year's changes are in the figures, each from its month on.
        List<IndicatorValue> may = kpis(atOnce.get(5));
        List<IndicatorValue> june = kpis(atOnce.get(6));
        String scope = AT_ONCE + "000000";
        assertThat(value(may, "ORG_COUNT", "已登记", scope, "2026-05")).isEqualTo("3");
        assertThat(value(june, "ORG_COUNT", "已登记", scope, "2026-06")).isEqualTo("4");
        assertThat(value(may, "ORG_COUNT", "已备案", scope, "2026-05")).isEqualTo("4");
        assertThat(value(june, "ORG_COUNT", "已备案", scope, "2026-06")).isEqualTo("3");
        assertThat(figures(atOnce, "STF_AGENCIES", "", scope, false)).containsExactly("0", "0", "0", "1", "1", "1", "1",
                "1", "1", "1");
        assertThat(figures(atOnce, "ORG_RATED_3A", "", scope, false)).containsExactly("2", "2", "2", "2", "2", "2", "3",
                "3", "3", "3");
        assertThat(figures(atOnce, "STF_PROFESSIONALS", "", scope, false)).containsExactly("2", "2", "2", "2", "2", "3",
                "3", "3", "3", "3");
        assertThat(figures(atOnce, "STF_HH_PER_WORKER", "", scope, true))
                .as("workers: 赵敏 only on the corrected March roster, 王强 leaves after July")
                .containsExactly("6", "6", "6", "6", "6", "6", "6", "5", "5", "5");
        assertThat(figures(atOnce, "FAC_COMMUNITY_COVERAGE", "all", scope, false).stream()
                .map(v -> new java.math.BigDecimal(v).multiply(java.math.BigDecimal.valueOf(6)).setScale(0,
                        java.math.RoundingMode.HALF_UP).toPlainString()).toList())
                .as("communities with a facility: one opens in June")
                .containsExactly("5", "5", "5", "5", "5", "6", "6", "6", "6", "6");

        // Stored runs render again with the same figures, whatever was loaded since.
        for (int m = 1; m < TenMonthsInbox.MONTHS; m++) {
            Path out = WORK.resolve("a-again").resolve(TenMonthsInbox.month(m));
            assertThat(CommandLineFrame.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                    "report", "--from-runs", runsA.get(m), "--out", out.toString())).isZero();
            assertThat(Files.readString(out.resolve("kpis.json"))).as("month %d from its stored run", m)
                    .isEqualTo(monthByMonth.get(m));
        }

        // The yearly edition's monthly points are the months' own figures.
        Report year = report(AT_ONCE, "2026", "b-year");
        List<IndicatorValue> yearly = kpis(year.kpis);
        for (int m = 1; m <= TenMonthsInbox.MONTHS; m++) {
            String period = TenMonthsInbox.month(m);
            assertThat(lines(yearly.stream().filter(v -> v.period().equals(period)).toList()))
                    .as("yearly edition's %s", period)
                    // a monthly edition also carries last month's figures (its 较上月 column): compare its own month
                    .isEqualTo(lines(kpis(atOnce.get(m)).stream().filter(v -> v.period().equals(period)).toList()));
        }
    }

    record Report(String kpis, String runs) {
    }

    private void load(Path inbox) throws Exception {
        IngestRun.Result ingested = ingest.inbox(inbox, null);
        assertThat(ingested.outcome().succeeded()).as(String.join("\n", ingested.summary())).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file WHERE status <> 'loaded' AND district_code "
                + "LIKE '45%'", Integer.class)).as(String.join("\n", ingested.summary())).isZero();
        assertThat(reconcile.run(null).succeeded()).isTrue();
    }

    private Report report(String district, String period, String run) throws Exception {
        Path out = WORK.resolve(run).resolve(period);
        StringWriter console = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(console, true), new PrintWriter(console, true), "report",
                "--period", period, "--scope", district, "--profile", PROFILE, "--out", out.toString());
        assertThat(status).as(console.toString()).isZero();
        String runs = console.toString().replaceAll("(?s).*指标计算编号：\\[([0-9, ]+)\\].*", "$1").replace(" ", "");
        return new Report(Files.readString(out.resolve("kpis.json")), runs);
    }

    /** kpis.json with the district's code taken out: the three districts hold the same content. */
    private static String neutral(String kpis, String district) {
        return kpis.replace("\"" + district, "\"DISTRICT");
    }

    private static List<IndicatorValue> kpis(String json) throws Exception {
        Path file = Files.createTempFile(WORK, "kpis", ".json");
        try {
            Files.writeString(file, json);
            return Printed.kpis(file);
        } finally {
            Files.delete(file);
        }
    }

    private static String value(List<IndicatorValue> values, String indicator, String variant, String scope,
            String period) {
        return Printed.figure(values, indicator, variant, scope, period).value().stripTrailingZeros().toPlainString();
    }

    private static List<String> figures(Map<Integer, String> months, String indicator, String variant, String scope,
            boolean denominator) throws Exception {
        List<String> all = new ArrayList<>();
        for (var month : months.entrySet()) {
            IndicatorValue figure = Printed.figure(kpis(month.getValue()), indicator, variant, scope,
                    TenMonthsInbox.month(month.getKey()));
            all.add((denominator ? figure.denominator() : figure.value()).stripTrailingZeros().toPlainString());
        }
        return all;
    }

    private static List<String> lines(List<IndicatorValue> values) {
        return values.stream().map(IndicatorValue::toString).sorted().toList();
    }
}
