package cn.sanshe.pipeline.ingest.read;

import static cn.sanshe.pipeline.ingest.read.ReadSupport.copy;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.fixture;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.ingest.read.ReadSupport.Sheet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks written by LibreOffice (see src/test/resources/ingest/read/README.txt) read as the
 * clerk sees them, whatever the file is called.
 */
class SpreadsheetFixtureTests {

    static final List<String> TITLE = List.of("XX街道社区基本情况表（2026年10月）");
    static final List<String> UNIT_LINE = List.of("填报单位：XX街道    填报日期：2026年11月3日");
    static final List<String> HEADER = List.of("社区代码", "社区名称", "户数", "常住人口", "综合服务设施面积（㎡）", "成立日期",
            "更新时间", "志愿者占比", "启用日期");
    // 12,345.00 shown with a thousands format is the number 12345; 25% is 0.25; the yyyy年m月d日 date is a date
    static final List<String> ROW_4 = List.of("130102001001", "东风社区", "1234", "12345", "356.75", "2019-03-05",
            "2026-11-03 14:30:00", "0.25", "2020-01-15");
    // "001234" was typed as text and stays so; "2019年3月" is text; the empty G5 is ""; H5 a boolean
    static final List<String> ROW_5 = List.of("130102001002", "红旗社区", "001234", "2400.5", "0", "2019年3月", "",
            "TRUE");
    static final List<String> ONLY_C = List.of("", "", "只有C列");
    static final List<String> SIGNATURES = List.of("填表人：张三", "", "", "审核人：李四");

    @TempDir
    Path dir;

    private Locale locale;
    private TimeZone zone;

    @BeforeEach
    void oddLocaleAndZone() {
        // Rendering must not depend on where the batch runs: dates are serial numbers, not instants.
        locale = Locale.getDefault();
        zone = TimeZone.getDefault();
        Locale.setDefault(Locale.GERMANY);
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
    }

    @Test
    void xlsxFromLibreOfficeReadsRowByRowWithRealRowNumbers() throws Exception {
        List<Sheet> sheets = readAll(fixture("community.xlsx"));

        assertThat(sheets).extracting(Sheet::name).containsExactly("社区基本情况", "填表说明", "空表");
        Sheet data = sheets.get(0);
        // row 6 is empty and absent from the file: not returned, and the numbering does not close the gap
        assertThat(data.numbers()).containsExactly(1, 2, 3, 4, 5, 7, 8, 9);
        assertThat(data.row(1).cells()).isEqualTo(TITLE); // merged title: the placeholders B1:I1 are not cells
        assertThat(data.row(2).cells()).isEqualTo(UNIT_LINE);
        assertThat(data.row(3).cells()).isEqualTo(HEADER);
        assertThat(data.row(4).cells()).isEqualTo(ROW_4);
        assertThat(data.row(5).cells()).isEqualTo(ROW_5);
        assertThat(data.row(7).cells()).isEqualTo(ONLY_C);
        // formulas: their cached results, a number, a sum, a long quotient, a date, a text
        assertThat(data.row(8).cells())
                .containsExactly("合计", "", "2468", "14745.5", "118.916666666667", "2019-03-06", "东风社区等");
        assertThat(data.row(9).cells()).isEqualTo(SIGNATURES);

        assertThat(sheets.get(1).rows()).extracting(SheetRow::number).containsExactly(1, 2);
        assertThat(sheets.get(1).row(1).cells()).containsExactly("1. 社区代码填写12位统计用区划代码。");
        assertThat(sheets.get(1).row(2).cells()).containsExactly("2. 日期格式：2026-10-31。");
        assertThat(sheets.get(2).rows()).isEmpty();
    }

    @Test
    void xlsFromLibreOfficeReadsTheSameAsItsXlsx() throws Exception {
        List<Sheet> sheets = readAll(fixture("community.xls"));

        assertThat(sheets).extracting(Sheet::name).containsExactly("社区基本情况", "填表说明", "空表");
        Sheet data = sheets.get(0);
        assertThat(data.numbers()).containsExactly(1, 2, 3, 4, 5, 7, 8, 9);
        assertThat(data.row(1).cells()).isEqualTo(TITLE);
        assertThat(data.row(2).cells()).isEqualTo(UNIT_LINE);
        assertThat(data.row(3).cells()).isEqualTo(HEADER);
        assertThat(data.row(4).cells()).isEqualTo(ROW_4);
        assertThat(data.row(5).cells()).isEqualTo(ROW_5);
        assertThat(data.row(7).cells()).isEqualTo(ONLY_C);
        // LibreOffice's .xls export caches 0 for a formula with a text result (see README.txt): the
        // cached value is what the file holds, and the reader never recalculates.
        assertThat(data.row(8).cells())
                .containsExactly("合计", "", "2468", "14745.5", "118.916666666667", "2019-03-06", "0");
        assertThat(data.row(9).cells()).isEqualTo(SIGNATURES);
        assertThat(sheets.get(1).row(2).cells()).containsExactly("2. 日期格式：2026-10-31。");
        assertThat(sheets.get(2).rows()).isEmpty();
    }

    @Test
    void idNumberThatCalcTurnedIntoANumberKeepsExcelsFifteenDigits() throws Exception {
        List<Sheet> sheets = readAll(fixture("roster.xlsx"));

        assertThat(sheets).extracting(Sheet::name).containsExactly("roster");
        Sheet roster = sheets.get(0);
        assertThat(roster.numbers()).containsExactly(1, 2, 3);
        assertThat(roster.row(1).cells()).containsExactly("姓名", "身份证号", "性别", "出生日期", "入职日期", "联系电话", "社工证等级");
        // the digits after the 15th are lost in the file itself: the validator will catch the check digit
        assertThat(roster.row(2).cells())
                .containsExactly("张三", "110101199001011000", "男", "1990-01-01", "2019/3/5", "13800138000", "助理社会工作师");
        assertThat(roster.row(3).cells())
                .containsExactly("李四", "11010519851231002X", "女", "1985-12-31", "2020-07-01", "010-12345678", "无");
    }

    @Test
    void formatIsToldByContentNotByTheFileName() throws Exception {
        Path xlsxCalledXls = copy(fixture("community.xlsx"), dir.resolve("社区基本情况.xls"));
        Path xlsCalledXlsx = copy(fixture("community.xls"), dir.resolve("社区基本情况.xlsx"));
        Path csvCalledXls = copy(fixture("community-gbk.csv"), dir.resolve("社区基本情况表.xls"));
        Path noExtension = copy(fixture("community.xlsx"), dir.resolve("社区基本情况"));

        assertThat(readAll(xlsxCalledXls).get(0).row(4).cells()).isEqualTo(ROW_4);
        assertThat(readAll(xlsCalledXlsx).get(0).row(4).cells()).isEqualTo(ROW_4);
        assertThat(readAll(noExtension).get(0).row(4).cells()).isEqualTo(ROW_4);
        List<Sheet> csv = readAll(csvCalledXls);
        assertThat(csv).extracting(Sheet::name).containsExactly("社区基本情况表");
        assertThat(csv.get(0).row(3).cells()).isEqualTo(HEADER);
    }

    @Test
    void readerFollowsItsProtocol() throws Exception {
        try (WorkbookReader reader = WorkbookReaders.open(fixture("community.xlsx"))) {
            assertThatThrownBy(reader::nextRow).isInstanceOf(IllegalStateException.class);
            assertThat(reader.nextSheet()).isTrue();
            assertThat(reader.nextRow().number()).isEqualTo(1);
            // moving on without draining the sheet is fine
            assertThat(reader.nextSheet()).isTrue();
            assertThat(reader.sheetName()).isEqualTo("填表说明");
            assertThat(reader.nextRow().number()).isEqualTo(1);
            assertThat(reader.nextRow().number()).isEqualTo(2);
            assertThat(reader.nextRow()).isNull();
            assertThat(reader.nextRow()).isNull();
            assertThat(reader.nextSheet()).isTrue();
            assertThat(reader.nextRow()).isNull(); // 空表
            assertThat(reader.nextSheet()).isFalse();
            assertThat(reader.nextSheet()).isFalse();
        }
    }
}
