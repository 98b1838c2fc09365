package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static cn.sanshe.pipeline.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.rejects.CorrectionsImport;
import cn.sanshe.pipeline.ingest.rejects.RejectsExport;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A steward exports rejected rows, a clerk corrects some in Excel, the workbook comes back. */
@SpringBootTest
class RejectsRoundTripIntegrationTests {

    static final String INJECTION = "=HYPERLINK(\"http://x\",\"点我\")";

    @Autowired
    IngestRun ingest;

    @Autowired
    RejectsExport export;

    @Autowired
    CorrectionsImport corrections;

    @Autowired
    AccountingExport accounting;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path dir;

    @BeforeEach
    void ingestARosterWithMistakes() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        write(dir.resolve("inbox"), "2026-10", STREET, "花名册.csv", """
                姓名,身份证号,性别,学历,职务,所属社区代码
                张伟,%s,男,本科,主任,130102001001
                李娜,%s,男,大专,委员,130102001001
                王强,%s,男,本科,委员,130102001099
                "%s",%s,男,本科,委员,130102001001
                """.formatted(id("19850305", 11), id("19900612", 22), id("19780101", 33), INJECTION.replace("\"", "\"\""),
                id("19800101", 44)), StandardCharsets.UTF_8);
        ingest.inbox(dir.resolve("inbox"), null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void correctedRowsAreLoadedAndWrongOnesStayOpenWithNewReasons() throws Exception {
        Path workbook = dir.resolve("rejects.xlsx");
        assertThat(export.write(workbook, STREET)).isEqualTo(3);

        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("S3 社区工作者花名册");
            List<String> header = cells(sheet.getRow(0));
            assertThat(header).startsWith("退回编号").contains("退回原因", "姓名", "身份证号", "性别", "所属社区代码");
            int name = header.indexOf("姓名");
            int gender = header.indexOf("性别");
            int community = header.indexOf("所属社区代码");
            int reasons = header.indexOf("退回原因");
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                assertThat(row.getCell(reasons).getStringCellValue()).isNotBlank();
                String who = row.getCell(name).getStringCellValue();
                if (who.equals("李娜")) {
                    retype(row, gender, "女");                              // fixed
                } else if (who.equals("王强")) {
                    retype(row, community, "130102001098");                 // still not in the reference
                } else {
                    assertThat(row.getCell(name).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(who).as("a formula is written inert").isEqualTo("'" + INJECTION);
                    retype(row, gender, "女");                              // wrong again (the id says male)
                }
            }
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }

        CorrectionsImport.Result result = corrections.read(workbook);

        assertThat(result.loaded()).as(result.problems().toString()).isEqualTo(1);
        assertThat(result.stillWrong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT row_no FROM stg_s3_worker WHERE name = '李娜'", Integer.class))
                .as("loaded under the row it was first sent in").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_reject WHERE row_no = 3", String.class))
                .isEqualTo("corrected");
        assertThat(jdbc.queryForObject("SELECT reasons FROM ingest_reject WHERE row_no = 4", String.class))
                .contains("130102001098");
        assertThat(jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_rejected FROM ingest_sheet"))
                .containsEntry("rows_read", 4).containsEntry("rows_loaded", 2).containsEntry("rows_rejected", 2);

        Path csv = dir.resolve("accounting.csv");
        accounting.write(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFfile,sha256,unit,period,template,sheet,rows_read,rows_loaded,"
                + "rows_rejected,rows_skipped,status,note,period_source");
        assertThat(lines.get(1)).startsWith("2026-10/130102001/花名册.csv,").contains(",S3,花名册,4,2,2,0,loaded");
    }

    @Test
    void aCsvExportStartsNoFieldWithAFormulaCharacter() throws Exception {
        Path csv = dir.resolve("rejects.csv");
        assertThat(export.write(csv, null)).isEqualTo(3);

        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv))) {
            List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(4);
            assertThat(records).allSatisfy(record -> record.forEach(field -> assertThat(field)
                    .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")));
            assertThat(records.get(3).toList()).anySatisfy(field -> assertThat(field).contains(INJECTION));
        }
    }

    /** As a clerk typing over a cell: a new cell, not POI's in-place edit of an inline string. */
    private static void retype(Row row, int column, String text) {
        row.removeCell(row.getCell(column));
        row.createCell(column).setCellValue(text);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }
}
