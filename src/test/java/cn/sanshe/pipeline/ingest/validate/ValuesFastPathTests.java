package cn.sanshe.pipeline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts taken for every cell give exactly what the slow way gives. */
class ValuesFastPathTests {

    @Test
    void textCalledStableIsLeftAsItIsByNfkc() {
        int stable = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "中";
            if (Values.isNfkcStable(text)) {
                stable++;
                assertThat(Normalizer.normalize(text, Normalizer.Form.NFKC)).as("U+%04X", (int) c).isEqualTo(text);
            }
        }
        assertThat(stable).isEqualTo(0x80 + (0x9FFF - 0x4E00 + 1));
        // What the shortcut must leave to the normaliser.
        assertThat(Values.isNfkcStable("１２３")).isFalse();
        assertThat(Values.isNfkcStable("⼩计")).isFalse();
        assertThat(Values.clean(" ２０１９年３月 ")).isEqualTo("2019年3月");
        assertThat(Values.compact("合 计\u3000\u00A0")).isEqualTo("合计");
    }

    @Test
    void isoDaysAreReadLikeEveryOtherForm() {
        assertThat(Values.date("2019-03-05")).contains(new Values.TextDate(java.time.LocalDate.of(2019, 3, 5), false));
        assertThat(Values.date("2019-02-30")).isEmpty();
        assertThat(Values.date("1899-12-31")).isEmpty();
        assertThat(Values.date("2019-03-05 08:30")).contains(new Values.TextDate(java.time.LocalDate.of(2019, 3, 5), false));
        assertThat(Values.date("2019-3-5")).contains(new Values.TextDate(java.time.LocalDate.of(2019, 3, 5), false));
    }

    /**
     * RowSkips passes over most cells without compacting them: on rows made of the characters that
     * decide a skip (the words, colons of both widths, every kind of space, a radical NFKC turns
     * into 小, labels), it decides what compacting every cell decides.
     */
    @Test
    void skippingCellsWithoutCompactingThemDecidesAsCompactingEveryCell() {
        String[] pieces = {"合", "计", "总", "小", "⼩", "合计", "小计", "总计", ":", "：", "﹕", " ", "\u3000", "\u00A0",
            "\t", "\n", "填表人", "负责人", "注", "王芳", "a", "1", "", "社区", "*", "\u0001"};
        Random random = new Random(20261207);
        int skipped = 0;
        int signatures = 0;
        for (int n = 0; n < 200_000; n++) {
            List<String> cells = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int c = 0; c < count; c++) {
                StringBuilder cell = new StringBuilder();
                int length = random.nextInt(5);
                for (int k = 0; k < length; k++) {
                    cell.append(pieces[random.nextInt(pieces.length)]);
                }
                cells.add(cell.toString());
            }
            SheetRow row = new SheetRow(n + 1, cells);
            Optional<String> reason = RowSkips.reason(row);
            assertThat(reason).as("%s", cells).isEqualTo(compactingEveryCell(row));
            skipped += reason.isPresent() ? 1 : 0;
            signatures += reason.filter(Reasons.SIGNATURE_ROW::equals).isPresent() ? 1 : 0;
        }
        // the rows drawn reach every outcome
        assertThat(skipped).isGreaterThan(10_000);
        assertThat(signatures).isGreaterThan(100);
    }

    /** RowSkips as it was before the shortcut: every cell compacted. */
    private static Optional<String> compactingEveryCell(SheetRow row) {
        if (row.isBlank()) {
            return Optional.of(Reasons.BLANK_ROW);
        }
        String first = null;
        for (String cell : row.cells()) {
            String compact = Values.compact(cell);
            for (String word : List.of("合计", "总计", "小计")) {
                if (compact.startsWith(word)) {
                    return Optional.of(Reasons.TOTAL_ROW);
                }
            }
            if (first == null && !compact.isEmpty()) {
                first = compact;
            }
        }
        if (first != null && first.indexOf(':') > 0) {
            for (String label : List.of("填表人", "审核人", "负责人", "备注", "填报人", "制表人", "填报日期", "填表日期", "审核日期",
                    "联系电话", "联系人", "注", "说明")) {
                if (first.length() > label.length() && first.startsWith(label) && first.charAt(label.length()) == ':') {
                    return Optional.of(Reasons.SIGNATURE_ROW);
                }
            }
        }
        return Optional.empty();
    }

    /** Figures and phone numbers of plain digits skip the patterns: they decide as the patterns do. */
    @Test
    void plainDigitsAreReadAsThePatternsReadThem() {
        String[] pieces = {"0", "1", "3", "8", "9", "13", "010", "00", "1234", ",", ".", "-", " ", "户", "１", "+"};
        Random random = new Random(20261206);
        int numbers = 0;
        int phones = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int k = 0; k < length; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String raw = text.toString();
            String compact = Values.compact(raw);

            assertThat(Values.number(raw)).as(raw).isEqualTo(Values.parsedNumber(compact));
            assertThat(Values.isPhone(raw)).as(raw).isEqualTo(Values.isPhoneByPattern(compact));
            numbers += Values.number(raw).isPresent() ? 1 : 0;
            phones += Values.isPhone(raw) ? 1 : 0;
        }
        assertThat(numbers).isGreaterThan(10_000);
        assertThat(phones).isGreaterThan(1_000);
        // the digits that fit a long and those that do not
        assertThat(Values.number("123456789012345678")).isEqualTo(Values.parsedNumber("123456789012345678"));
        assertThat(Values.number("1234567890123456789")).isEqualTo(Values.parsedNumber("1234567890123456789"));
    }
}
