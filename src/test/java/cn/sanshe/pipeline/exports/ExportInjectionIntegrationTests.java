package cn.sanshe.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.ingest.AccountingExport;
import cn.sanshe.pipeline.ingest.IngestFixtures;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.ingest.rejects.RejectsExport;
import cn.sanshe.pipeline.reconcile.MasterExports;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.reports.export.KpisWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, item 3: every export a spreadsheet can open — masters, lineage, accounting, rejects
 * (csv and xlsx), review, conflicts, kpis.csv — is written with cells that start with = + - @, tab
 * or CR, and none of them is a live formula when the file is opened.
 */
@SpringBootTest
class ExportInjectionIntegrationTests {

    static final String FILE = "=HYPERLINK(1)名.csv";
    static final String ORG = "=2+2富强社区公式协会";
    static final String PERSON = "@李四";
    static final String WORKER = "=SUM(A1)张";
    static final String DDE = "-2+3+cmd|' /C calc'!A0";

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    AccountingExport accounting;

    @Autowired
    MasterExports masters;

    @Autowired
    RejectsExport rejects;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path dir;

    @Test
    void noExportCarriesALiveFormula() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        for (String table : new String[] {"org_review", "master_apart", "master_override", "master_field_source",
            "worker_cert_no", "reconcile_conflict", "steward_decision", "org_source", "worker_source", "org_master",
            "worker_master"}) {
            jdbc.update("DELETE FROM " + table);
        }
        Path inbox = dir.resolve("inbox");
        Path ledger = inbox.resolve("2026-10/130102001").resolve(FILE);
        Files.createDirectories(ledger.getParent());
        Files.writeString(ledger, """
                组织名称,登记状态,备案编号,负责人,联系电话,所属社区代码,服务领域
                %s,已备案,BA-001,%s,13800000001,130102001001,%s
                +富强社区合唱团,已备案,BA-002,"	王五",13800000002,130102001001,"\rtab"
                -富强社区舞蹈队,已备案,BA-003,张三,13800000003,130102001099,@服务
                """.formatted(ORG, PERSON, DDE), StandardCharsets.UTF_8);
        String worker = id("19850305", 11);
        Files.writeString(inbox.resolve("2026-10/130102001").resolve("@花名册.csv"), """
                姓名,身份证号,性别,职务,所属社区代码,证书编号
                %s,%s,男,主任,130102001001,=1+1
                @王五,%s,男,委员,130102001099,+1
                """.formatted(WORKER, worker, id("19800101", 33)), StandardCharsets.UTF_8);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        assertThat(reconcile.run(null).succeeded()).isTrue();
        long master = jdbc.queryForObject("SELECT MIN(id) FROM org_master", Long.class);
        long other = jdbc.queryForObject("SELECT MAX(id) FROM org_master", Long.class);
        jdbc.update("""
                INSERT INTO org_review (district_code, master_a, master_b, score, evidence, status, opened_at)
                VALUES ('130102', ?, ?, 0.8, ?, 'open', NOW(6))""", master, other, "=名称相似");
        jdbc.update("""
                INSERT INTO reconcile_conflict (kind, period, master_kind, master_id, district_code, conflict_key, detail,
                                                status, opened_at)
                VALUES ('ORG_ACTIVE_BUT_CANCELLED', '2026-10', 'org', ?, '130102', 'x', ?, 'open', NOW(6))""", master, DDE);

        List<Path> csvs = new ArrayList<>();
        csvs.add(dir.resolve("accounting.csv"));
        accounting.write(csvs.get(csvs.size() - 1));
        for (String kind : new String[] {"org", "worker"}) {
            csvs.add(dir.resolve("masters-" + kind + ".csv"));
            masters.masters(kind, csvs.get(csvs.size() - 1));
            csvs.add(dir.resolve("lineage-" + kind + ".csv"));
            masters.lineage(kind, csvs.get(csvs.size() - 1));
        }
        csvs.add(dir.resolve("rejects.csv"));
        rejects.write(csvs.get(csvs.size() - 1), null);
        csvs.add(dir.resolve("review.csv"));
        assertThat(cli("review", "list", "--out", csvs.get(csvs.size() - 1).toString())).isZero();
        csvs.add(dir.resolve("conflicts.csv"));
        assertThat(cli("conflicts", "list", "--out", csvs.get(csvs.size() - 1).toString())).isZero();
        csvs.add(dir.resolve("kpis.csv"));
        KpisWriter.write(List.of(new IndicatorValue("=org_count", "@全部", "+130100000000", "-2026-10",
                new BigDecimal("-0.5"), BigDecimal.ONE, new BigDecimal("-2"), null, "=red")), "=profile",
                dir.resolve("kpis.json"), csvs.get(csvs.size() - 1));

        List<String> everything = new ArrayList<>();
        for (Path csv : csvs) {
            try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
                List<CSVRecord> records = parser.getRecords();
                assertThat(records).as(csv.getFileName() + " has rows").hasSizeGreaterThan(1);
                for (CSVRecord record : records) {
                    for (String field : record) {
                        String cell = field.startsWith("\uFEFF") ? field.substring(1) : field;
                        assertThat(SpreadsheetText.dangerous(cell)).as(csv.getFileName() + ": live cell " + cell).isFalse();
                        everything.add(csv.getFileName() + "\t" + cell);
                    }
                }
            }
        }
        // The injected texts are there, inert: the data is kept, not dropped.
        assertThat(everything).anySatisfy(cell -> assertThat(cell).startsWith("masters-org.csv\t'" + ORG));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).startsWith("masters-org.csv\t'" + PERSON));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).startsWith("masters-worker.csv\t'" + WORKER));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("accounting.csv\t2026-10/130102001/" + FILE));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("accounting.csv\t'=HYPERLINK(1)名"));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("lineage-org.csv\t'=HYPERLINK(1)名"));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).contains("lineage-org.csv\t2026-10/130102001/" + FILE));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("review.csv\t'=名称相似"));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("conflicts.csv\t'" + DDE));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("kpis.csv\t'=org_count"));
        assertThat(everything).anySatisfy(cell -> assertThat(cell).isEqualTo("kpis.csv\t-0.5"));
        assertThat(everything).noneSatisfy(cell -> assertThat(cell).contains(worker));

        Path xlsx = dir.resolve("rejects.xlsx");
        assertThat(rejects.write(xlsx, null)).isEqualTo(2);
        int strings = 0;
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + " " + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            strings++;
                            assertThat(SpreadsheetText.dangerous(cell.getStringCellValue()))
                                    .as(sheet.getSheetName() + " " + cell.getAddress() + " " + cell.getStringCellValue())
                                    .isFalse();
                        }
                    }
                }
            }
        }
        assertThat(strings).isGreaterThan(20);
    }

    @Test
    void theRuleItself() {
        for (String live : new String[] {"=1+1", "+A1", "-A1", "@SUM(A1)", "\t=1", "\r=1", "-2+3+cmd|' /C calc'!A0", "+",
            "-", "=HYPERLINK(1)名"}) {
            assertThat(SpreadsheetText.dangerous(live)).as(live).isTrue();
            assertThat(SpreadsheetText.inert(live)).isEqualTo("'" + live);
            assertThat(SpreadsheetText.restore(SpreadsheetText.inert(live))).isEqualTo(live);
        }
        for (String data : new String[] {"-650", "+3.5", "0.591999", "阳光社区", "", "'quoted", "a=b"}) {
            assertThat(SpreadsheetText.dangerous(data)).as(data).isFalse();
            assertThat(SpreadsheetText.inert(data)).isEqualTo(data);
        }
        assertThat(SpreadsheetText.cell(new BigDecimal("-0.50"))).isEqualTo("-0.50");
        assertThat(SpreadsheetText.cell(null)).isEmpty();
    }

    private static int cli(String... args) {
        StringWriter err = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        assertThat(err.toString()).isEmpty();
        return status;
    }

    private static String id(String birth, int sequence) {
        String first17 = "130102" + birth + String.format("%03d", sequence);
        return first17 + IdentityNumber.checkCharacter(first17);
    }
}
