package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.COMMUNITY;
import static cn.sanshe.pipeline.ingest.IngestFixtures.OTHER_STREET_COMMUNITY;
import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static cn.sanshe.pipeline.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** ingestJob over small inboxes made for each case: counts, staging rows, rejects, refusals. */
@SpringBootTest
class IngestJobIntegrationTests {

    static final Charset GBK = Charset.forName("GBK");

    @Autowired
    IngestRun ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path inbox;

    @BeforeEach
    void reset() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
    }

    static String roster(String... rows) {
        StringBuilder csv = new StringBuilder("建北街道社区工作者花名册（2026年10月）\n填报单位：建北街道,,,,填报日期：2026年11月3日\n"
                + "序号,*姓名,身份证号码,性别,出生日期,学历,职务,是否居委会成员,社工证等级,所属社区代码\n");
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    @Test
    void loadsGoodRowsSkipsFootersAndRejectsBadOnesWithEveryReason() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster(
                "1,张伟," + id("19850305", 11) + ",男,1985/3/5,本科,主任,是,社会工作师,130102001001",
                "2,李娜," + id("19900612", 22) + ",女,1990年6月12日,大专,委员,否,无,130102001001",
                ",,,,,,,,,",
                "3,王强," + id("19780101", 33).substring(0, 17) + "0,女,1978-01-01,研究生,网格员,否,无," + OTHER_STREET_COMMUNITY,
                "合计,3人,,,,,,,,",
                "填表人：赵六,,审核人：钱七,,,,,,,"), GBK);

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        Map<String, Object> sheet = jdbc.queryForMap("SELECT * FROM ingest_sheet");
        assertThat(sheet).containsEntry("template", "S3").containsEntry("header_row", 3)
                .containsEntry("period", "2026-10").containsEntry("district_code", "130102");
        assertThat(sheet.get("rows_read")).isEqualTo(6);
        assertThat(sheet.get("rows_loaded")).isEqualTo(2);
        assertThat(sheet.get("rows_rejected")).isEqualTo(1);
        assertThat(sheet.get("rows_skipped")).as("blank, 合计, signature").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT name FROM stg_s3_worker ORDER BY row_no", String.class))
                .containsExactly("张伟", "李娜");
        assertThat(jdbc.queryForMap("SELECT * FROM stg_s3_worker WHERE name = '张伟'"))
                .containsEntry("row_no", 4).containsEntry("birth_date", java.sql.Date.valueOf("1985-03-05"))
                .containsEntry("id_masked", "130102********" + id("19850305", 11).substring(14))
                .containsEntry("community_code", COMMUNITY).containsEntry("unit_code", STREET);
        assertThat((String) jdbc.queryForObject("SELECT id_cipher FROM stg_s3_worker WHERE name = '张伟'", String.class))
                .doesNotContain(id("19850305", 11));
        Map<String, Object> reject = jdbc.queryForMap("SELECT * FROM ingest_reject");
        assertThat(reject).containsEntry("row_no", 7).containsEntry("status", "open").containsEntry("template", "S3");
        String reasons = (String) reject.get("reasons");
        assertThat(reasons.split("；")).as(reasons).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reasons).contains("校验位不符").contains(OTHER_STREET_COMMUNITY)
                .doesNotContain(id("19780101", 33).substring(0, 17));
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_file", String.class)).isEqualTo("loaded");
    }

    @Test
    void sameBytesUnderAnotherNameAreNotLoadedTwice() throws Exception {
        String text = roster("1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001");
        write(inbox, "2026-10", STREET, "花名册.csv", text, StandardCharsets.UTF_8);
        ingest.inbox(inbox, null);
        write(inbox, "2026-10", STREET, "花名册（再次发送）.csv", text, StandardCharsets.UTF_8);

        IngestRun.Result again = ingest.inbox(inbox, null);

        assertThat(again.outcome().succeeded()).isTrue();
        assertThat(again.summary().get(0)).contains("重复文件（内容与已收文件相同） 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_drop", Integer.class)).isEqualTo(2);
    }

    @Test
    void aCorrectedResubmissionReplacesTheEarlierSheetWithHistoryKept() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster(
                "1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001",
                "2,李娜," + id("19900612", 22) + ",男,1990-06-12,大专,委员,否,无,130102001001"), StandardCharsets.UTF_8);
        ingest.inbox(inbox, null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Integer.class))
                .as("李娜's gender disagrees with her id").isOne();

        Path corrected = write(inbox, "2026-10", STREET, "花名册（更正）.csv", roster(
                "1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001",
                "2,李娜," + id("19900612", 22) + ",女,1990-06-12,大专,委员,否,无,130102001001"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(corrected, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        ingest.inbox(inbox, null);

        List<Map<String, Object>> sheets = jdbc.queryForList(
                "SELECT s.id, s.superseded_by, s.rows_loaded, f.path FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id ORDER BY s.id");
        assertThat(sheets).hasSize(2);
        assertThat(sheets.get(0).get("superseded_by")).isEqualTo(sheets.get(1).get("id"));
        assertThat(sheets.get(1).get("superseded_by")).isNull();
        assertThat(sheets.get(1).get("rows_loaded")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_reject", String.class)).isEqualTo("superseded");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM stg_s3_worker w JOIN ingest_sheet s ON s.id = w.sheet_id
                WHERE s.superseded_by IS NULL""", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class))
                .as("the first file's rows are kept as history").isEqualTo(3);
    }

    /**
     * The original and its correction in one run, so in one chunk: the correction's part is made
     * ahead of the rows (with every part of the chunk, in one statement) and supersedes the original
     * before the original's reject is written; the reject must still end superseded, and each sheet
     * count its own rows.
     */
    @Test
    void aResubmissionInTheSameRunClosesTheRejectsOfTheSheetItReplaces() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster(
                "1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001",
                "2,李娜," + id("19900612", 22) + ",男,1990-06-12,大专,委员,否,无,130102001001"), StandardCharsets.UTF_8);
        Path corrected = write(inbox, "2026-10", STREET, "花名册（更正）.csv", roster(
                "1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001",
                "2,李娜," + id("19900612", 22) + ",女,1990-06-12,大专,委员,否,无,130102001001",
                "3,王强," + id("19920101", 33) + ",男,1992-01-01,本科,委员,否,无,130102001001"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(corrected, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        List<Map<String, Object>> sheets = jdbc.queryForList("""
                SELECT s.id, s.superseded_by, s.rows_read, s.rows_loaded, s.rows_rejected, f.path
                FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id ORDER BY f.modified_at""");
        assertThat(sheets).hasSize(2);
        assertThat(sheets.get(0).get("superseded_by")).isEqualTo(sheets.get(1).get("id"));
        assertThat(sheets.get(1).get("superseded_by")).isNull();
        assertThat(List.of(sheets.get(0).get("rows_read"), sheets.get(0).get("rows_loaded"), sheets.get(0).get("rows_rejected")))
                .containsExactly(2, 1, 1);
        assertThat(List.of(sheets.get(1).get("rows_read"), sheets.get(1).get("rows_loaded"), sheets.get(1).get("rows_rejected")))
                .containsExactly(3, 3, 0);
        assertThat(jdbc.queryForList("SELECT status FROM ingest_reject", String.class)).containsExactly("superseded");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM stg_s3_worker w JOIN ingest_sheet s ON s.id = w.sheet_id
                WHERE s.superseded_by IS NULL""", Integer.class)).isEqualTo(3);
    }

    /**
     * Two sheets of one workbook whose names the database holds equal (a full-width letter equals its
     * half-width one under the tables' collation): their parts cannot be made in one statement, so
     * they are made one by one as before, the second finding the first's, and every row is loaded.
     */
    @Test
    void twoSheetsWhoseNamesTheDatabaseHoldsEqualAreBothLoaded() throws Exception {
        Path file = inbox.resolve("2026-10").resolve(STREET).resolve("花名册.xlsx");
        Files.createDirectories(file.getParent());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(file)) {
            String[][] sheets = {
                {"花名册A", "1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001"},
                {"花名册Ａ", "1,王强," + id("19920101", 33) + ",男,1992-01-01,本科,委员,否,无,130102001001"}};
            for (String[] sheet : sheets) {
                org.apache.poi.ss.usermodel.Sheet page = book.createSheet(sheet[0]);
                // the second sheet one row lower: the two share one part, which numbers rows as their sheets do
                String[] lines = ((page == book.getSheetAt(0) ? "" : "（续表）\n") + roster(sheet[1])).split("\n");
                for (int r = 0; r < lines.length; r++) {
                    String[] cells = lines[r].split(",", -1);
                    org.apache.poi.ss.usermodel.Row row = page.createRow(r);
                    for (int c = 0; c < cells.length; c++) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            book.write(out);
        }
        assertThat(jdbc.queryForObject("SELECT '花名册A' COLLATE utf8mb4_unicode_ci = '花名册Ａ'", Integer.class))
                .as("the collation holds the two names equal").isOne();
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        assertThat(jdbc.queryForObject("SELECT status FROM ingest_file", String.class)).isEqualTo("loaded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(rows_loaded) FROM ingest_sheet", Integer.class)).isEqualTo(2);
    }

    @Test
    void hostileAndUnreadableFilesAreRefusedWholeAndTheJobGoesOn() throws Exception {
        write(inbox, "2026-10", STREET, "empty.xlsx", "", StandardCharsets.UTF_8);
        Files.createDirectories(inbox.resolve("2026-10").resolve(STREET));
        Files.write(inbox.resolve("2026-10").resolve(STREET).resolve("garbage.xlsx"), new byte[] {1, 2, 3, 4, 5, 0, 7});
        write(inbox, "2026-10", STREET, "说明.csv", "这不是报表\n只是说明\n", StandardCharsets.UTF_8);
        write(inbox, "misplaced", STREET, "花名册.csv", "x", StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, "花名册.csv", roster(
                "1,张伟," + id("19850305", 11) + ",男,1985-03-05,本科,主任,是,无,130102001001"), StandardCharsets.UTF_8);

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        Map<String, String> refused = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT path, reason FROM ingest_file WHERE status = 'refused'")
                .forEach(row -> refused.put((String) row.get("path"), (String) row.get("reason")));
        assertThat(refused).hasSize(4);
        assertThat(refused.get("2026-10/130102001/empty.xlsx")).contains("0字节");
        assertThat(refused.get("2026-10/130102001/garbage.xlsx")).isNotBlank();
        assertThat(refused.get("2026-10/130102001/说明.csv")).contains("没有可识别的报表");
        assertThat(refused.get("misplaced/130102001/花名册.csv")).contains("不是统计月份");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isOne();
        assertThat(result.summary()).anySatisfy(line -> assertThat(line).contains("拒收 2026-10/130102001/empty.xlsx"));
    }

    @Test
    void everySheetOfTheDemoInboxAddsUp(@TempDir Path demo) throws Exception {
        cn.sanshe.pipeline.demo.DemoInbox.Summary written = cn.sanshe.pipeline.demo.DemoInbox.write(demo,
                List.of(java.time.YearMonth.of(2026, 10)), 130100L);

        IngestRun.Result result = ingest.inbox(demo, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT CONCAT(path, ': ', COALESCE(reason, status)) FROM ingest_file "
                + "WHERE status <> 'loaded'", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ingest_sheet
                WHERE rows_read <> rows_loaded + rows_rejected + rows_skipped""", Integer.class)).isZero();
        int dataRows = written.files().stream().mapToInt(cn.sanshe.pipeline.demo.DemoInbox.Summary.File::dataRows).sum();
        assertThat(jdbc.queryForObject("SELECT SUM(rows_loaded + rows_rejected) FROM ingest_sheet", Integer.class))
                .isEqualTo(dataRows);
        assertThat(jdbc.queryForList("SELECT DISTINCT template FROM ingest_sheet WHERE template IS NOT NULL ORDER BY 1",
                String.class)).containsExactly("D1", "D2", "D3", "S1", "S2", "S3", "S4");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject", Integer.class))
                .as("the generator's deliberate mistakes: one of each of five kinds").isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT reasons FROM ingest_reject", String.class))
                .anySatisfy(r -> assertThat(r).contains("不在区划表中"))
                .anySatisfy(r -> assertThat(r).contains("统一社会信用代码校验位不符"))
                .anySatisfy(r -> assertThat(r).contains("身份证号校验位不符"));
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ingestDistrictStep")
    private org.springframework.batch.core.step.Step ingestDistrictStep;

    /** Per-row Micrometer observations cost the step thread half its time (LoadStepConfiguration). */
    @Test
    void theDistrictStepDoesNotObserveEveryRow() {
        Object registry = org.springframework.test.util.ReflectionTestUtils.getField(ingestDistrictStep,
                "observationRegistry");
        assertThat(registry).isSameAs(io.micrometer.observation.ObservationRegistry.NOOP);
    }
}
