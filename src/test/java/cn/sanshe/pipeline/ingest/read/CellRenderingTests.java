package cn.sanshe.pipeline.ingest.read;

import static cn.sanshe.pipeline.ingest.read.ReadSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.read.ReadSupport.Sheet;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How typed cells become text: the rules of the WorkbookReader javadoc, the same for .xlsx and .xls. */
class CellRenderingTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "1234.0, 1234",
        "1234, 1234",
        "0.5, 0.5",
        "-0.0, 0",
        "0.30000000000000004, 0.3", // 0.1+0.2 as a double: Excel shows 15 digits, so does the reader
        "2.1000000000000001, 2.1", // how Excel itself writes a typed 2.1 into the file
        "1.10101199001011E+17, 110101199001011000", // an id number typed as a number: no exponent
        "1E-7, 0.0000001",
        "12345678901234.5, 12345678901234.5",
    })
    void numbersArePlainDecimalsWithExcelsPrecision(String stored, String shown) {
        assertThat(CellText.number(new BigDecimal(stored))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
        "43529, 2019-03-05",
        "43529.5, 2019-03-05 12:00:00",
        "46329.6041666667, 2026-11-03 14:30:00",
        "43529.99999999, 2019-03-06", // a hair before midnight is midnight, as Excel shows it
        "1, 1900-01-01",
    })
    void dateFormattedSerialsAreIsoDates(double serial, String shown) {
        assertThat(CellText.dateOrNull(serial, false)).isEqualTo(shown);
    }

    @Test
    void negativeSerialIsNoDate() {
        assertThat(CellText.dateOrNull(-1, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 22, 27, 31, 36, 50, 57, 58})
    void builtInDateFormatsIncludingTheChineseOnesAreDates(int id) {
        assertThat(CellText.isDateFormat(id, null)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|General|false",
        "2|0.00|false",
        "4|#,##0.00|false",
        "49|@|false",
        "164|yyyy\\年m\\月d\\日|true",
        "165|yyyy/m/d\\ hh:mm|true",
        "166|0.00_);[Red]\\(0.00\\)|false",
        // a file that spells out format 31 as something else is believed
        "31|0.00|false",
    })
    void spelledOutFormatsAreJudgedByPoi(int id, String format, boolean date) {
        assertThat(CellText.isDateFormat(id, format)).isEqualTo(date);
    }

    @Test
    void poiWrittenWorkbooksRenderAlikeInBothFormats() throws Exception {
        for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            String extension = workbook instanceof XSSFWorkbook ? ".xlsx" : ".xls";
            Path file = dir.resolve("typed" + extension);
            try (workbook; OutputStream out = Files.newOutputStream(file)) {
                CellStyle chineseDate = workbook.createCellStyle();
                chineseDate.setDataFormat((short) 31); // yyyy"年"m"月"d"日" in Chinese Excel, by number only
                CellStyle thousands = workbook.createCellStyle();
                thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
                CellStyle dateTime = workbook.createCellStyle();
                dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
                var sheet = workbook.createSheet("数据");
                Row row = sheet.createRow(1); // row 2: row 1 is absent
                row.createCell(0).setCellValue(LocalDate.of(2019, 3, 5));
                row.getCell(0).setCellStyle(chineseDate);
                row.createCell(1).setCellValue(1234567.0);
                row.getCell(1).setCellStyle(thousands);
                row.createCell(2).setCellValue(LocalDateTime.of(2026, 11, 3, 8, 5, 9));
                row.getCell(2).setCellStyle(dateTime);
                row.createCell(3).setCellValue(false);
                row.createCell(4).setCellErrorValue(FormulaError.DIV0.getCode());
                row.createCell(5).setCellFormula("B2*2");
                row.getCell(5).setCellValue(2469134.0); // the cached result a spreadsheet would have stored
                row.createCell(6).setCellValue("  带空格的文本 ");
                row.createCell(9).setCellValue(-12.5);
                row.createCell(12).setCellStyle(thousands); // styled but empty: not content
                sheet.createRow(4).createCell(2).setCellValue("x");
                workbook.createSheet("空");
                workbook.write(out);
            }

            List<Sheet> sheets = readAll(file);

            assertThat(sheets).extracting(Sheet::name).as(extension).containsExactly("数据", "空");
            assertThat(sheets.get(0).numbers()).as(extension).containsExactly(2, 5);
            assertThat(sheets.get(0).row(2).cells()).as(extension).containsExactly("2019-03-05", "1234567",
                    "2026-11-03 08:05:09", "FALSE", "#DIV/0!", "2469134", "  带空格的文本 ", "", "", "-12.5");
            assertThat(sheets.get(0).row(5).cells()).as(extension).containsExactly("", "", "x");
            assertThat(sheets.get(1).rows()).as(extension).isEmpty();
        }
    }

    @Test
    void workbookWithThe1904DateSystemReadsItsDatesRight() throws Exception {
        Path file = dir.resolve("mac.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var ct = workbook.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            Row row = workbook.createSheet("s").createRow(0);
            row.createCell(0).setCellValue(42067.0); // 2019-03-05 counted from 1904-01-01 (43529 from 1900)
            row.getCell(0).setCellStyle(date);
            workbook.write(out);
        }

        assertThat(readAll(file).get(0).row(1).cells()).containsExactly("2019-03-05");
    }
}
