package cn.sanshe.pipeline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.template.RootLocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RootLocale.class)
class ValuesTests {

    @ParameterizedTest(name = "[{index}] “{0}” = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1234        | 1234
            ' 1234 '    | 1234
            1,234       | 1234
            1，234      | 1234
            1,234,567   | 1234567
            １２３４    | 1234
            12.0        | 12
            12.00       | 12
            0           | 0
            -5          | -5
            120户       | 120
            3,456人     | 3456
            """)
    void readsWholeNumbersTypedAsText(String raw, long expected) {
        assertThat(Values.wholeNumber(raw)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"12.5", "abc", "", "1,23", "12,3456", "1.2.3", "一百", "12 个人", "1e3"})
    void refusesWhatIsNoWholeNumber(String raw) {
        assertThat(Values.wholeNumber(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] “{0}” = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            650.5        | 650.5
            1,234.5      | 1234.5
            1，234.50    | 1234.5
            ６５０．５   | 650.5
            800          | 800
            800.00       | 800
            120㎡        | 120
            120平方米    | 120
            120 m²       | 120
            0.75         | 0.75
            """)
    void readsDecimals(String raw, String expected) {
        assertThat(Values.number(raw)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "[{index}] “{0}” = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2019-03-05          | 2019-03-05
            2019/3/5            | 2019-03-05
            2019.03.05          | 2019-03-05
            2019年3月5日        | 2019-03-05
            2019年03月05日      | 2019-03-05
            20190305            | 2019-03-05
            2019-3-5            | 2019-03-05
            2019-03-05 00:00:00 | 2019-03-05
            2019-03-05 14:30:00 | 2019-03-05
            ２０１９－０３－０５| 2019-03-05
            43529               | 2019-03-05
            43529.75            | 2019-03-05
            20000               | 1954-10-03
            """)
    void readsEveryDayForm(String raw, LocalDate expected) {
        assertThat(Values.date(raw)).contains(new Values.TextDate(expected, false));
    }

    @ParameterizedTest(name = "[{index}] “{0}” = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2019.3      | 2019-03-01
            2019.03     | 2019-03-01
            2019年3月   | 2019-03-01
            2019-03     | 2019-03-01
            2019/3      | 2019-03-01
            201903      | 2019-03-01
            """)
    void readsMonthPrecisionAsTheMonthsFirstDay(String raw, LocalDate expected) {
        assertThat(Values.date(raw)).contains(new Values.TextDate(expected, true));
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"2019-02-30", "2019-13-01", "2019年2月29日", "20190230", "2019.13", "19-3-5", "2019",
            "12345", "90000", "昨天", "2019-03-05-01", "2019/03.05", "1850-01-01"})
    void refusesImpossibleOrUnknownDates(String raw) {
        assertThat(Values.date(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"2026-10", "2026年10月", "202610", "2026.10", "2026/10", "2026年10月份", "2026-10-01",
            "2026-10-01 00:00:00", "２０２６年１０月", "46296"})
    void readsEveryPeriodForm(String raw) {
        assertThat(Values.period(raw)).contains(YearMonth.of(2026, 10));
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"2026-13", "2026", "26-10", "十月", "2026年", "202613"})
    void refusesWhatIsNoPeriod(String raw) {
        assertThat(Values.period(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"2019", "2019年", "2019年度", "2019-06-15", "2019.6", "2019年6月12日", "43631", "２０１９"})
    void readsYearsFromAYearOrAnyDate(String raw) {
        assertThat(Values.year(raw)).contains(2019);
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"去年", "19", "1800", "2019-02-30", "201"})
    void refusesWhatIsNoYear(String raw) {
        assertThat(Values.year(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"13800138000", "199 1234 5678", "138-0013-8000", "0311-86012345", "031186012345",
            "010-12345678", "0311-8601234", "(0311)86012345", "０３１１－８６０１２３４５"})
    void acceptsMobileAndLandlineNumbers(String raw) {
        assertThat(Values.isPhone(raw)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"1380013800", "12800138000", "138001380000", "86012345", "0311-86012", "311-86012345",
            "电话", "13800138000/0311-86012345"})
    void refusesWhatIsNoPhoneNumber(String raw) {
        assertThat(Values.isPhone(raw)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] “{0}” = {1}")
    @CsvSource({"是, true", "否, false", "Y, true", "n, false", "√, true", "×, false", "1, true", "0, false",
            "TRUE, true", "FALSE, false", "' 是 ', true"})
    void readsYesAndNo(String raw, boolean expected) {
        assertThat(Values.yesNo(raw)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"可能", "2", "是否"})
    void refusesWhatIsNeitherYesNorNo(String raw) {
        assertThat(Values.yesNo(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] “{0}” = {1}")
    @CsvSource({"1A, 1", "3A, 3", "5A, 5", "AAA, 3", "AAAAA, 5", "3A级, 3", "３Ａ, 3", "4a, 4", "AAAA级, 4"})
    void readsRatings(String raw, int expected) {
        assertThat(Values.rating(raw)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"6A", "0A", "AAAAAA", "3", "优秀", "B"})
    void refusesWhatIsNoRating(String raw) {
        assertThat(Values.rating(raw)).isEmpty();
    }
}
