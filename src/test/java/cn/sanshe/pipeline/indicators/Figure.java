package cn.sanshe.pipeline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

/** Assertions on one figure of a computed set, read as the figure is printed: value, n/d, status. */
final class Figure {

    private final IndicatorValue value;

    private Figure(IndicatorValue value) {
        this.value = value;
    }

    static Figure of(List<IndicatorValue> values, String indicator, String variant, String scope) {
        return new Figure(IndicatorFixtures.find(values, indicator, variant, scope));
    }

    Figure is(String expected) {
        if (expected == null) {
            assertThat(value.value()).as(describe()).isNull();
        } else {
            assertThat(value.value()).as(describe()).isNotNull().isEqualByComparingTo(expected);
        }
        return this;
    }

    /** A ratio rounded as a dashboard prints it. */
    Figure isAbout(String expected, int decimals) {
        assertThat(value.value()).as(describe()).isNotNull();
        assertThat(value.value().setScale(decimals, java.math.RoundingMode.HALF_UP)).as(describe())
                .isEqualByComparingTo(expected);
        return this;
    }

    Figure of(long numerator, long denominator) {
        assertThat(value.numerator()).as(describe() + " numerator").isEqualByComparingTo(BigDecimal.valueOf(numerator));
        assertThat(value.denominator()).as(describe() + " denominator")
                .isEqualByComparingTo(BigDecimal.valueOf(denominator));
        return this;
    }

    Figure fraction(String numerator, String denominator) {
        assertThat(value.numerator()).as(describe() + " numerator").isEqualByComparingTo(numerator);
        assertThat(value.denominator()).as(describe() + " denominator").isEqualByComparingTo(denominator);
        return this;
    }

    Figure count(long expected) {
        assertThat(value.value()).as(describe()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(value.numerator()).as(describe() + " numerator").isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(value.denominator()).as(describe() + " denominator").isNull();
        return this;
    }

    Figure target(String expected) {
        if (expected == null) {
            assertThat(value.target()).as(describe() + " target").isNull();
        } else {
            assertThat(value.target()).as(describe() + " target").isNotNull().isEqualByComparingTo(expected);
        }
        return this;
    }

    Figure status(String expected) {
        assertThat(value.status()).as(describe() + " status").isEqualTo(expected);
        return this;
    }

    private String describe() {
        return value.indicator() + "/" + value.variant() + " " + value.scope() + " " + value.period() + " " + value;
    }
}
