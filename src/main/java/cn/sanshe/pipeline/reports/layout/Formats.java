package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
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

    /** A table cell: the figure as printed, {@value NoData#STATUS} when it rests on nothing sent. */
    public static String cell(Indicator indicator, IndicatorValue figure) {
        if (figure == null) {
            return NONE;
        }
        return NoData.isNoData(figure) ? NoData.STATUS : text(indicator, figure.value());
    }

    /** The unit printed after a figure on page 1 and in chart labels: empty for a percentage (59.2%). */
    public static String unit(Indicator indicator) {
        if (indicator.isRatio()) {
            return "";
        }
        return switch (indicator) {
            case FAC_AREA_PER_100_HH -> "m²/百户";
            case STF_HH_PER_WORKER -> "户/人";
            case ORG_AVG_PER_COMMUNITY -> "个/社区";
            default -> indicator.unit();
        };
    }

    /** A figure with its unit: 59.2%, 14.2 m²/百户, 114 人; {@value NoData#STATUS} or a dash without one. */
    public static String withUnit(Indicator indicator, IndicatorValue figure) {
        String text = cell(indicator, figure);
        if (text.equals(NONE) || text.equals(NoData.STATUS) || indicator.isRatio()) {
            return text;
        }
        return text + " " + unit(indicator);
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

    /** A figure less an earlier one: +3.2个百分点 for ratios, +12 for counts; a dash when either is missing. */
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
