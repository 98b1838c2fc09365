package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static cn.sanshe.pipeline.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.rejects.CorrectionsImport;
import cn.sanshe.pipeline.ingest.rejects.RejectsExport;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rejects workbook as a street clerk gets it: opened with POI (cell types, unit names,
 * highlighted failing cells with their reason as a comment, the 说明 sheet, no full identity
 * number), corrected and imported (messages name sheet and row, only changed rows), and corrected
 * through LibreOffice (open, fix, save) and imported.
 */
@SpringBootTest
class RejectsWorkbookIntegrationTests {

    static final String GOOD_LI = id("19900612", 22);
    static final String BAD_LI = GOOD_LI.substring(0, 16) + (GOOD_LI.charAt(16) == '9' ? '8' : (char) (GOOD_LI.charAt(16) + 1))
            + GOOD_LI.charAt(17);
    static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    @Autowired
    IngestRun ingest;

    @Autowired
    RejectsExport export;

    @Autowired
    CorrectionsImport corrections;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path dir;

    @BeforeEach
    void ingestFilesWithMistakes() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        assertThat(IdentityNumber.check(BAD_LI, LocalDate.now()).problem()).isEqualTo("身份证号校验位不符，请核对证件原件");
        write(dir.resolve("inbox"), "2026-10", STREET, "花名册.csv", """
                姓名,身份证号,性别,出生日期,学历,职务,所属社区代码,入职日期
                张伟,%s,男,1985-03-05,本科,主任,130102001001,2019-03-05
                李娜,%s,女,1990-06-12,大专,委员,130102001001,2020-01-01
                王强,%s,男,1978-01-01,本科,委员,130102001099,2018-07-01
                """.formatted(id("19850305", 11), BAD_LI, id("19780101", 33)), StandardCharsets.UTF_8);
        write(dir.resolve("inbox"), "2026-10", STREET, "社区.csv", """
                社区代码,社区名称,户数,常住人口
                130102001001,锦绣社区,-650,3000
                """, StandardCharsets.UTF_8);
        ingest.inbox(dir.resolve("inbox"), null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void theWorkbookIsTypedNamedHighlightedCommentedAndExplained() throws Exception {
        // Into a folder that does not exist yet, as a clerk names one: it is made.
        Path workbook = dir.resolve("退回/本月").resolve("rejects.xlsx");
        assertThat(export.write(workbook, STREET)).isEqualTo(3);

        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetName(0)).isEqualTo("说明");
            String instructions = text(book.getSheetAt(0));
            assertThat(instructions).contains("标红", "批注", "请不要修改", "130102********1234", "import corrections",
                    "身份证号校验位不符");

            Sheet roster = book.getSheet("S3 社区工作者花名册");
            List<String> header = strings(roster.getRow(0));
            assertThat(header).startsWith("退回编号", "报送单位", "单位名称");
            Row li = rowOf(roster, header, "李娜");
            Row wang = rowOf(roster, header, "王强");

            assertThat(cell(li, header, "报送单位").getStringCellValue()).isEqualTo(STREET);
            assertThat(cell(li, header, "单位名称").getStringCellValue()).isEqualTo("建北街道");
            Cell idCell = cell(li, header, "身份证号");
            assertThat(idCell.getStringCellValue()).isEqualTo(IdentityNumber.mask(BAD_LI));
            assertThat(cell(li, header, "出生日期").getStringCellValue())
                    .as("beside a masked number, the birth date (the hidden digits) is shown as its year").isEqualTo("1990");
            assertHighlighted(idCell);
            assertThat(idCell.getCellComment().getString().getString()).contains("身份证号校验位不符，请核对证件原件");
            assertThat(cell(li, header, "退回原因").getStringCellValue()).contains("请核对证件原件").doesNotContain("应为");
            Cell hired = cell(li, header, "入职日期");
            assertThat(hired.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(hired)).isTrue();
            assertThat(hired.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 1, 1));
            assertThat(cell(li, header, "姓名").getCellComment()).as("a right cell has no comment").isNull();
            assertNotHighlighted(cell(li, header, "姓名"));

            Cell community = cell(wang, header, "所属社区代码");
            assertThat(community.getStringCellValue()).isEqualTo("130102001099");
            assertHighlighted(community);
            assertThat(community.getCellComment().getString().getString()).contains("130102001099", "不在区划表中");
            assertNotHighlighted(cell(wang, header, "身份证号"));

            Sheet s1 = book.getSheet("S1 社区基本情况表");
            List<String> s1Header = strings(s1.getRow(0));
            Cell households = s1.getRow(1).getCell(s1Header.indexOf("户数"));
            assertThat(households.getCellType()).as("a number as the clerk sent it, not text").isEqualTo(CellType.NUMERIC);
            assertThat(households.getNumericCellValue()).isEqualTo(-650);
            assertHighlighted(households);
            assertThat(households.getCellComment().getString().getString()).contains("户数", "-650");
            assertThat(s1.getRow(1).getCell(s1Header.indexOf("常住人口")).getNumericCellValue()).isEqualTo(3000);

            for (Sheet sheet : book) {
                assertThat(FULL_ID.matcher(text(sheet)).find()).as(sheet.getSheetName() + " holds a full identity number")
                        .isFalse();
            }
        }
    }

    @Test
    void importNamesSheetAndRowAndMentionsOnlyChangedRows() throws Exception {
        Path workbook = dir.resolve("rejects.xlsx");
        export.write(workbook, STREET);
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet roster = book.getSheet("S3 社区工作者花名册");
            List<String> header = strings(roster.getRow(0));
            retype(rowOf(roster, header, "李娜"), header.indexOf("身份证号"), GOOD_LI);          // fixed
            retype(rowOf(roster, header, "王强"), header.indexOf("所属社区代码"), "130102001098"); // still wrong
            // the S1 row is left as it was
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }

        CorrectionsImport.Result result = corrections.read(workbook);

        assertThat(result.loaded()).as(result.problems().toString()).isEqualTo(1);
        assertThat(result.stillWrong()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.problems()).singleElement().asString()
                .startsWith("工作表“S3 社区工作者花名册”第3行（退回编号 ").contains("130102001098");
        assertThat(jdbc.queryForMap("SELECT birth_date, id_masked FROM stg_s3_worker WHERE name = '李娜'"))
                .as("the birth date shown as a year and returned unchanged is the date sent")
                .containsEntry("birth_date", java.sql.Date.valueOf("1990-06-12"))
                .containsEntry("id_masked", IdentityNumber.mask(GOOD_LI));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Integer.class))
                .isEqualTo(2);

        // The row left open keeps the full number it was sent with: exported again, masked as before.
        Path again = dir.resolve("again.xlsx");
        assertThat(export.write(again, STREET)).isEqualTo(2);
        try (InputStream in = Files.newInputStream(again); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet roster = book.getSheet("S3 社区工作者花名册");
            List<String> header = strings(roster.getRow(0));
            assertThat(cell(rowOf(roster, header, "王强"), header, "身份证号").getStringCellValue())
                    .isEqualTo(IdentityNumber.mask(id("19780101", 33)));
        }
    }

    @Test
    void aWorkbookFixedAndSavedInLibreOfficeImports() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")), "LibreOffice (soffice) is not installed");
        Path workbook = dir.resolve("rejects.xlsx");
        export.write(workbook, STREET);

        // LibreOffice opens the workbook and saves it in its own format (flat ODS, XML) ...
        Path flat = soffice(workbook, "fods");
        String document = Files.readString(flat, StandardCharsets.UTF_8);
        // ... the clerk types the right number over the masked one and 650 over -650 ...
        String masked = IdentityNumber.mask(BAD_LI);
        assertThat(document).contains(">" + masked + "<");
        document = document.replace(">" + masked + "<", ">" + GOOD_LI + "<");
        assertThat(document).contains("office:value=\"-650\"", "<text:p>-650</text:p>");
        document = document.replace("office:value=\"-650\"", "office:value=\"650\"")
                .replace("<text:p>-650</text:p>", "<text:p>650</text:p>");
        assertThat(document).contains("office:value=\"650\"");
        Path fixed = dir.resolve("fixed").resolve("rejects.fods");
        Files.createDirectories(fixed.getParent());
        Files.writeString(fixed, document, StandardCharsets.UTF_8);
        // ... and LibreOffice saves it back as .xlsx.
        Path saved = soffice(fixed, "xlsx");

        CorrectionsImport.Result result = corrections.read(saved);

        assertThat(result.loaded()).as(result.problems().toString()).isEqualTo(2);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.stillWrong()).isZero();
        assertThat(result.problems()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT households FROM stg_s1_community", Integer.class)).isEqualTo(650);
        assertThat(jdbc.queryForObject("SELECT hired_on FROM stg_s3_worker WHERE name = '李娜'", java.sql.Date.class))
                .isEqualTo(java.sql.Date.valueOf("2020-01-01"));
    }

    private Path soffice(Path file, String format) throws Exception {
        Path outDir = file.getParent().resolve("out-" + format);
        Files.createDirectories(outDir);
        Process process = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", format, "--outdir", outDir.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        String name = file.getFileName().toString();
        Path out = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + format);
        assertThat(out).as(Files.readString(dir.resolve("soffice.log"))).exists();
        return out;
    }

    private static void assertHighlighted(Cell cell) {
        assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
    }

    private static void assertNotHighlighted(Cell cell) {
        assertThat(cell.getCellStyle().getFillForegroundColor()).isNotEqualTo(IndexedColors.ROSE.getIndex());
    }

    private static Row rowOf(Sheet sheet, List<String> header, String name) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && cell(row, header, "姓名").getStringCellValue().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + name);
    }

    private static Cell cell(Row row, List<String> header, String column) {
        return row.getCell(header.indexOf(column));
    }

    private static void retype(Row row, int column, String text) {
        row.removeCell(row.getCell(column));
        row.createCell(column).setCellValue(text);
    }

    private static List<String> strings(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                text.append(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue())
                        : cell.toString()).append('\t');
                if (cell.getCellComment() != null) {
                    text.append(cell.getCellComment().getString().getString()).append('\t');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
