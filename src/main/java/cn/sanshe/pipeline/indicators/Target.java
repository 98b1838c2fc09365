package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A target of a profile ({@code profile_target} with comparator {@code >=}, {@code <=} or
 * {@code >}). Percentages are stored as printed (60 = 60 %); {@link #valueFor} gives the target in
 * the indicator's unit (0.6). A figure is green when it meets the target, amber when it misses by
 * at most 10 % of the target, red beyond.
 */
record Target(String key, String variant, String comparator, BigDecimal value, String unit) {

    /** Targets per child unit rather than for the whole scope: 每个城区 ≥ 3 家. */
    static final String PER_URBAN_DISTRICT = "per_urban_district";

    private static final BigDecimal LOWER = new BigDecimal("0.9");
    private static final BigDecimal UPPER = new BigDecimal("1.1");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    BigDecimal valueFor(Indicator indicator) {
        BigDecimal target = unit.equals("%") && indicator.isRatio()
                ? value.divide(HUNDRED, 6, RoundingMode.HALF_UP) : value;
        return Numbers.canonical(target);
    }

    /** green / amber / red for a value against this target in the indicator's unit; null without a value. */
    String judge(BigDecimal figure, BigDecimal target) {
        if (figure == null || target == null) {
            return null;
        }
        return switch (comparator) {
            case ">=" -> figure.compareTo(target) >= 0 ? IndicatorValue.GREEN
                    : figure.compareTo(target.multiply(LOWER)) >= 0 ? IndicatorValue.AMBER : IndicatorValue.RED;
            case ">" -> figure.compareTo(target) > 0 ? IndicatorValue.GREEN
                    : figure.compareTo(target.multiply(LOWER)) >= 0 ? IndicatorValue.AMBER : IndicatorValue.RED;
            case "<=" -> figure.compareTo(target) <= 0 ? IndicatorValue.GREEN
                    : figure.compareTo(target.multiply(UPPER)) <= 0 ? IndicatorValue.AMBER : IndicatorValue.RED;
            case "<" -> figure.compareTo(target) < 0 ? IndicatorValue.GREEN
                    : figure.compareTo(target.multiply(UPPER)) <= 0 ? IndicatorValue.AMBER : IndicatorValue.RED;
            default -> null;
        };
    }
}
