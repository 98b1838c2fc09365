package cn.sanshe.pipeline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Green at or beyond the target, amber when it misses by at most 10 % of the target, red beyond. */
class StatusColourTests {

    @ParameterizedTest(name = "{1} against {0} {2} → {3}")
    @CsvSource({
        // at least 60 %: amber down to 54 %
        ">=, 0.6,    0.6,    green",
        ">=, 0.7,    0.6,    green",
        ">=, 0.54,   0.6,    amber",
        ">=, 0.5399, 0.6,    red",
        // at most 250 households per worker: amber up to 275
        "<=, 250,    250,    green",
        "<=, 200,    250,    green",
        "<=, 275,    250,    amber",
        "<=, 275.01, 250,    red",
        // more than 50 agencies: 50 itself misses, within 10 %
        ">,  51,     50,     green",
        ">,  50,     50,     amber",
        ">,  45,     50,     amber",
        ">,  44.99,  50,     red",
    })
    void colours(String comparator, String value, String target, String expected) {
        Target rule = new Target("X", "", comparator, new BigDecimal(target), "个");

        assertThat(rule.judge(new BigDecimal(value), new BigDecimal(target))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"60, %, STF_COMMITTEE_CERT_RATE, 0.6", "100, %, FAC_COMMUNITY_COVERAGE, 1",
        "250, 户, STF_HH_PER_WORKER, 250", "20, m2, FAC_AREA_PER_100_HH, 20"})
    void percentagesStoredAsPrintedBecomeRatios(String stored, String unit, Indicator indicator, String expected) {
        Target rule = new Target(indicator.id(), "", ">=", new BigDecimal(stored), unit);

        assertThat(rule.valueFor(indicator)).isEqualByComparingTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noValueNoColour() {
        assertThat(new Target("X", "", ">=", BigDecimal.ONE, "%").judge(null, BigDecimal.ONE)).isNull();
    }
}
