package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One form for every figure, computed or read back: at most 6 decimals (the columns' scale), no
 * trailing zeros, never an exponent (287, 0.592, 0.895447). So a stored run reads back equal.
 */
final class Numbers {

    static final int SCALE = 6;

    private Numbers() {
    }

    static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal scaled = value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return scaled.scale() < 0 ? scaled.setScale(0) : scaled;
    }

    /** numerator ÷ denominator × factor; null when the denominator is null or 0. */
    static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return canonical(numerator.multiply(factor).divide(denominator, SCALE, RoundingMode.HALF_UP));
    }
}
