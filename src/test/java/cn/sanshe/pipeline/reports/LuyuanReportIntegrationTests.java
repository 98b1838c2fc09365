package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lüyuan's published figures (287 organizations = 157 registered (118 + 39) + 130 filed) from raw
 * files with duplicates, through ingest, reconcile and the report command; the PDF says what
 * kpis.json says. The twin month adds rows that must be rejected: same figures, and the annex
 * shows what was sent back.
 */
@SpringBootTest
class LuyuanReportIntegrationTests {

    static final Path WORK = Path.of("target/test-work/luyuan");
    static final Path INBOX = WORK.resolve("inbox");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @BeforeAll
    static void freshInbox() throws Exception {
        deleteRecursively(WORK);   // the database is new in every test JVM; so are the files
    }

    @BeforeEach
    void luyuanReference() throws Exception {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class,
                LuyuanInbox.SCOPE);
        if (known == 0) {
            Path csv = Files.createDirectories(WORK).resolve("divisions-220106.csv");
            Files.writeString(csv, LuyuanInbox.divisionsCsv(), StandardCharsets.UTF_8);
            assertThat(divisions.load(csv).outcome().succeeded()).isTrue();
        }
    }

    @AfterAll
    static void removeLuyuan(@Autowired JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM division WHERE code LIKE '22%'");
    }

    @Test
    void reportSaysThePublishedFiguresThatOnlyReconciliationGives() throws Exception {
        loadMonth("2026-10", false);
        assertThat(count("SELECT COUNT(*) FROM stg_d1_org_registry WHERE district_code = '220106' AND period = '2026-10'")
                + count("SELECT COUNT(*) FROM stg_s2_org_ledger WHERE district_code = '220106' AND period = '2026-10'"))
                .as("raw organization rows loaded: %s", summary).isEqualTo(LuyuanInbox.ROWS);

        Path out = WORK.resolve("report-2026-10");
        StringWriter console = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(console, true), new PrintWriter(console, true), "report",
                "--period", "2026-10", "--scope", "220106", "--profile", "gansu-2015", "--out", out.toString());
        assertThat(status).as(console.toString()).isZero();
        assertThat(console.toString()).contains("绿园区三社联动监测月报（2026年10月）", "kpis.json");

        List<IndicatorValue> kpis = Printed.kpis(out.resolve("kpis.json"));
        assertThat(Printed.figure(kpis, "ORG_COUNT", "all", LuyuanInbox.SCOPE, "2026-10").value()).isEqualByComparingTo("287");
        assertThat(Printed.figure(kpis, "ORG_COUNT", "已登记", LuyuanInbox.SCOPE, "2026-10").value()).isEqualByComparingTo("157");
        assertThat(Printed.figure(kpis, "ORG_COUNT", "已备案", LuyuanInbox.SCOPE, "2026-10").value()).isEqualByComparingTo("130");
        assertThat(Printed.figure(kpis, "ORG_COUNT", "type:民办非企业单位", LuyuanInbox.SCOPE, "2026-10").value())
                .isEqualByComparingTo("118");
        assertThat(Printed.figure(kpis, "ORG_COUNT", "type:社会团体", LuyuanInbox.SCOPE, "2026-10").value())
                .isEqualByComparingTo("39");
        // rows that share their master with another row: 100 registered on both lists, 20 filed listed twice
        assertThat(Printed.figure(kpis, "DQ_MERGED", "", LuyuanInbox.SCOPE, "2026-10").value()).isEqualByComparingTo(
                String.valueOf(2 * 100 + 2 * 20));
        assertThat(Files.readString(out.resolve("kpis.csv"), StandardCharsets.UTF_8))
                .startsWith("\ufeffindicator,variant,scope,period,profile,value,numerator,denominator,target,status")
                .contains("ORG_COUNT,all,220106000000,2026-10,gansu-2015,287,");

        PdfText pdf = PdfText.read(out.resolve("绿园区三社联动监测月报（2026年10月）.pdf"));
        assertThat(pdf.lines().get(0)).isEqualTo("绿园区三社联动监测月报（2026年10月）");
        // page 1's context: all organizations, said to be all of them (not only the 社区社会组织 type);
        // Lüyuan sends only its ledger, so communities with facilities and workers are no data, not 0
        assertThat(pdf.text()).contains("社会组织（登记＋备案，各类型）");
        assertThat(pdf.lines()).anyMatch(line -> line.equals("无数据 无数据 287 个 130 个"));
        for (Section section : Section.values()) {
            assertThat(pdf.hasLine("合计", Printed.sectionLine(kpis, section, LuyuanInbox.SCOPE, "2026-10")))
                    .as("total line of %s equals kpis.json", section).isTrue();
            for (int s = 0; s < LuyuanInbox.STREETS.length; s++) {
                String street = LuyuanInbox.street(s) + "000";
                assertThat(pdf.hasLine(LuyuanInbox.STREETS[s], Printed.sectionLine(kpis, section, street, "2026-10")))
                        .as("%s line of %s equals kpis.json", LuyuanInbox.STREETS[s], section).isTrue();
            }
        }
        assertThat(pdf.embedded()).containsOnly(true);

        // rendered again later from its stored run: the same figures, whatever changed since
        String runs = console.toString().replaceAll("(?s).*指标计算编号：\\[([0-9, ]+)\\].*", "$1").replace(" ", "");
        jdbc.update("UPDATE org_master SET reg_status = '已备案' WHERE district_code = '220106'");
        Path again = WORK.resolve("report-2026-10-again");
        assertThat(CommandLineFrame.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "report", "--from-runs", runs, "--out", again.toString())).isZero();
        assertThat(Files.readString(again.resolve("kpis.json"))).isEqualTo(Files.readString(out.resolve("kpis.json")));
        assertThat(PdfText.read(again.resolve("绿园区三社联动监测月报（2026年10月）.pdf")).lines())
                .anyMatch(line -> line.contains(" 287 个"));
        jdbc.update("UPDATE org_master SET reg_status = '已登记' WHERE district_code = '220106' AND credit_code IS NOT NULL");
    }

    @Test
    void rejectedRowsChangeNoFigureAndTheAnnexSaysWhatWasSentBack() throws Exception {
        loadMonth("2026-10", false);
        loadMonth("2026-11", true);
        assertThat(count("SELECT COUNT(*) FROM ingest_reject WHERE district_code = '220106' AND period = '2026-11'"))
                .isEqualTo(2 * LuyuanInbox.STREETS.length);

        Path out = WORK.resolve("report-2026-11");
        StringWriter said = new StringWriter();
        assertThat(CommandLineFrame.execute(new PrintWriter(said), new PrintWriter(new StringWriter()),
                "report", "--period", "2026-11", "--scope", "220106000000", "--profile", "gansu-2015", "--out",
                out.toString())).isZero();
        // The profile by its title, the code only as the option that names it.
        String title = jdbc.queryForObject("SELECT title FROM target_profile WHERE name = 'gansu-2015'", String.class);
        assertThat(said.toString()).contains("（目标口径：" + title + "，--profile gansu-2015）");
        List<IndicatorValue> kpis = Printed.kpis(out.resolve("kpis.json"));
        assertThat(Printed.figure(kpis, "ORG_COUNT", "all", LuyuanInbox.SCOPE, "2026-11").value()).isEqualByComparingTo("287");
        assertThat(Printed.figure(kpis, "DQ_REJECTED", "rejected_rows", LuyuanInbox.SCOPE, "2026-11").value())
                .isEqualByComparingTo("12");
        assertThat(Printed.figure(kpis, "DQ_REJECTED", "open_with_stewards", LuyuanInbox.SCOPE, "2026-11").value())
                .isEqualByComparingTo("12");
        PdfText pdf = PdfText.read(out.resolve("绿园区三社联动监测月报（2026年11月）.pdf"));
        // each street: every template it sends (S2 only here), 2 rows sent back, 2 still open
        assertThat(pdf.lines()).contains("绿园区 正阳街道 未报送 已报送 未报送 未报送 2 2");
        assertThat(pdf.hasLine("合计", Printed.sectionLine(kpis, Section.DATA_QUALITY, LuyuanInbox.SCOPE, "2026-11")))
                .isTrue();
    }

    @Test
    void wrongUsageAndUnknownScopeAreToldApart() {
        StringWriter err = new StringWriter();
        assertThat(CommandLineFrame.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "report",
                "--period", "2026-13", "--scope", "220106")).isEqualTo(2);
        assertThat(err.toString()).contains("--period 应为 yyyy-MM");
        err.getBuffer().setLength(0);
        assertThat(CommandLineFrame.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "report",
                "--period", "2026-10", "--scope", "990100")).isEqualTo(2);   // an unknown scope is wrong usage too
        assertThat(err.toString()).contains("990100000000 不在区划表中");
        assertThat(CommandLineFrame.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "report", "--from-runs", "1", "--scope", "220106")).isEqualTo(2);
        assertThat(CommandLineFrame.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "report", "--period", "2026-10")).isEqualTo(2);
    }

    private List<String> summary = List.of();

    private void loadMonth(String month, boolean badRows) throws Exception {
        if (!Files.isDirectory(INBOX.resolve(month))) {
            LuyuanInbox.write(INBOX, month, badRows);
        }
        IngestRun.Result ingested = ingest.inbox(INBOX, null);
        summary = ingested.summary();
        assertThat(ingested.outcome().succeeded()).as(String.join("\n", summary)).isTrue();
        assertThat(reconcile.run(null).succeeded()).isTrue();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
