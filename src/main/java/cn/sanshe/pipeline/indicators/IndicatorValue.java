package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;

/**
 * One figure: an indicator's variant for a scope (the 12-digit code of the unit the figure is
 * about: the scope asked for, or one of its child units) and a period ({@code yyyy-MM}).
 * {@code value} is in the indicator's unit (a ratio for {@code %}); numerator and denominator
 * are what it was computed from (the denominator is null for a plain count). {@code value} is
 * null when it cannot be computed (denominator 0, or a threshold the profile does not set).
 * {@code target} is in the value's unit; {@code status} is green, amber or red, or null when the
 * profile sets no target for this figure.
 */
public record IndicatorValue(String indicator, String variant, String scope, String period, BigDecimal value,
        BigDecimal numerator, BigDecimal denominator, BigDecimal target, String status) {

    public static final String GREEN = "green";
    public static final String AMBER = "amber";
    public static final String RED = "red";
}
