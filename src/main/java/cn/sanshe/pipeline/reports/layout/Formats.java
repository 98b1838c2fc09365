package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a figure is printed, the one rule the PDF and the tests that read it back share:
 * a ratio as a percentage with one decimal (0.591999 → 59.2%), square metres and households per
 * worker with one decimal, counts whole; a figure that cannot be computed as a dash.
 */
public final class Formats {

    public static final String NONE = "—";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Formats() {
    }

    public static String text(Indicator indicator, BigDecimal value) {
        BigDecimal shown = printed(indicator, value);
        if (shown == null) {
            return NONE;
        }
        return indicator.isRatio() ? shown.toPlainString() + "%" : shown.toPlainString();
    }

    /** The number printed, in the printed unit (59.2 for 59.2 %), or null. */
    public static BigDecimal printed(Indicator indicator, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (indicator.isRatio()) {
            return value.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
        }
        return value.setScale(decimals(indicator), RoundingMode.HALF_UP);
    }

    /** A target with its comparator: ≥ 60.0%, ≤ 250.0, > 50. */
    public static String target(Indicator indicator, String comparator, BigDecimal target) {
        if (target == null) {
            return NONE;
        }
        String sign = switch (comparator == null ? ">=" : comparator) {
            case "<=" -> "≤ ";
            case ">" -> "> ";
            case "<" -> "< ";
            default -> "≥ ";
        };
        return sign + text(indicator, target);
    }

    /** This year's figure less last year's: +3.2个百分点 for ratios, +12 for counts. */
    public static String change(Indicator indicator, BigDecimal now, BigDecimal before) {
        BigDecimal a = printed(indicator, now);
        BigDecimal b = printed(indicator, before);
        if (a == null || b == null) {
            return NONE;
        }
        BigDecimal difference = a.subtract(b);
        String signed = (difference.signum() > 0 ? "+" : "") + difference.toPlainString();
        return indicator.isRatio() ? signed + "个百分点" : signed;
    }

    private static int decimals(Indicator indicator) {
        return switch (indicator.unit()) {
            case "m2", "户" -> 1;
            default -> indicator == Indicator.ORG_AVG_PER_COMMUNITY ? 1 : 0;
        };
    }
}
