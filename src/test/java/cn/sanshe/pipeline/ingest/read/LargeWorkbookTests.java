package cn.sanshe.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A big .xlsx streams through: every row counted, in a heap far smaller than the sheet. */
class LargeWorkbookTests {

    static final int ROWS = 200_000;
    static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;
    static Path big;

    @BeforeAll
    static void writeBigWorkbook() throws IOException {
        big = dir.resolve("花名册-大.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(big)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("社区工作者花名册");
            Row header = sheet.createRow(0);
            String[] names = {"姓名", "身份证号", "所属社区代码", "入职日期", "月工资", "备注"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            LocalDate start = LocalDate.of(2000, 1, 1);
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("工作者" + r);
                row.createCell(1).setCellValue(String.format("1101011990%08d", r));
                row.createCell(2).setCellValue(String.valueOf(130102001000L + r % 500));
                row.createCell(3).setCellValue(start.plusDays(r % 9000));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(3000 + r % 1000 + 0.5);
                row.createCell(5).setCellValue("第" + r + "行的备注，内容稍长一些以便让工作表足够大");
            }
            workbook.write(out);
        }
    }

    @Test
    void everyRowIsReadInOrder() throws Exception {
        long rows = 0;
        SheetRow last = null;
        try (WorkbookReader reader = WorkbookReaders.open(big)) {
            assertThat(reader.nextSheet()).isTrue();
            assertThat(reader.sheetName()).isEqualTo("社区工作者花名册");
            SheetRow row;
            while ((row = reader.nextRow()) != null) {
                rows++;
                assertThat(row.number()).isEqualTo((int) rows);
                last = row;
            }
            assertThat(reader.nextSheet()).isFalse();
        }

        assertThat(rows).isEqualTo(ROWS + 1);
        LocalDate lastDate = LocalDate.of(2000, 1, 1).plusDays(ROWS % 9000);
        assertThat(last.cells()).containsExactly("工作者200000", "110101199000200000", "130102001000",
                lastDate.toString(), "3000.5", "第200000行的备注，内容稍长一些以便让工作表足够大");
    }

    @Test
    void readsInA64MegabyteHeapWhatIsFarLargerUnpacked() throws Exception {
        // The sheet's XML is several times the child's whole heap: only streaming gets through it.
        long sheetXml = ReadSupport.part(big, "xl/worksheets/sheet1.xml").length;
        assertThat(sheetXml).isGreaterThan(64L * 1024 * 1024);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), CountRows.class.getName(), big.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.startsWith("rows=")).toList()).containsExactly("rows=" + (ROWS + 1));
    }

    /** Run in a child JVM with a small heap. */
    public static final class CountRows {

        public static void main(String[] args) throws Exception {
            long rows = 0;
            try (WorkbookReader reader = WorkbookReaders.open(new File(args[0]).toPath())) {
                while (reader.nextSheet()) {
                    while (reader.nextRow() != null) {
                        rows++;
                    }
                }
            }
            System.out.println("rows=" + rows);
        }
    }
}
