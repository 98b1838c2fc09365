package cn.sanshe.pipeline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
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
}
