package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.StreetSubmission;
import cn.sanshe.pipeline.reports.layout.EditionFigures;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Editions built in memory (no database): a city of three districts with figures of every kind. */
final class DashboardSamples {

    static final String CITY = "130100000000";
    static final List<Scope.Unit> DISTRICTS = List.of(
            new Scope.Unit("130102000000", "长安区", Level.DISTRICT),
            new Scope.Unit("130104000000", "桥西区", Level.DISTRICT),
            new Scope.Unit("130105000000", "新华区", Level.DISTRICT));

    private DashboardSamples() {
    }

    static Scope city() {
        return new Scope(new Scope.Unit(CITY, "石家庄市", Level.CITY), DISTRICTS,
                List.of("130102", "130104", "130105"));
    }

    /** Every indicator and variant for the city and each district; values differ by unit and month. */
    static List<IndicatorValue> figures(YearMonth month, long seed) {
        Random random = new Random(seed + month.getMonthValue());
        List<IndicatorValue> values = new ArrayList<>();
        List<String> units = new ArrayList<>();
        units.add(CITY);
        DISTRICTS.forEach(d -> units.add(d.code()));
        for (Indicator indicator : Indicator.values()) {
            for (String variant : indicator.variants()) {
                for (String unit : units) {
                    BigDecimal value;
                    BigDecimal numerator = null;
                    BigDecimal denominator = null;
                    if (indicator.isRatio()) {
                        denominator = BigDecimal.valueOf(100 + random.nextInt(900));
                        numerator = BigDecimal.valueOf(random.nextInt(denominator.intValue() + 1));
                        value = numerator.divide(denominator, 6, java.math.RoundingMode.HALF_UP);
                    } else {
                        value = BigDecimal.valueOf(random.nextInt(5000), indicator.unit().equals("个") ? 0 : 1);
                    }
                    BigDecimal target = indicator.isRatio() ? new BigDecimal("0.6") : null;
                    String status = target == null ? null
                            : value.compareTo(target) >= 0 ? IndicatorValue.GREEN
                            : value.compareTo(target.multiply(new BigDecimal("0.9"))) >= 0 ? IndicatorValue.AMBER
                            : IndicatorValue.RED;
                    values.add(new IndicatorValue(indicator.id(), variant, unit, month.toString(), value, numerator,
                            denominator, target, status));
                }
            }
        }
        // One figure that cannot be computed: printed as a dash.
        values.replaceAll(v -> v.indicator().equals("STF_HH_PER_WORKER") && v.scope().equals("130105000000")
                ? new IndicatorValue(v.indicator(), v.variant(), v.scope(), v.period(), null, BigDecimal.ZERO, null,
                        null, null) : v);
        return values;
    }

    static List<StreetSubmission> streets() {
        return List.of(new StreetSubmission("长安区", "130102001", "建北街道", true, true, true, true, 0, 0),
                new StreetSubmission("长安区", "130102002", "青园街道", true, false, true, true, 3, 2),
                new StreetSubmission("桥西区", "130104001", "东里街道", true, true, true, false, 1, 0));
    }

    static EditionFigures monthly(YearMonth month) {
        return new EditionFigures(city(), month, false, "shijiazhuang-2020", "石家庄市“三社联动”实施意见（2020年目标）",
                Map.of("STF_HH_PER_WORKER", "<="), figures(month, 7), Map.of(), List.of(), streets(),
                LocalDateTime.of(2026, 11, 1, 2, 15), LocalDateTime.of(2026, 11, 1, 6, 0),
                figures(month.minusMonths(1), 7), null, null);
    }

    static EditionFigures yearly(int year) {
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(YearMonth.of(year, m), figures(YearMonth.of(year, m), 7));
        }
        YearMonth december = YearMonth.of(year, 12);
        return new EditionFigures(city(), december, true, "shijiazhuang-2020", "石家庄市“三社联动”实施意见（2020年目标）",
                Map.of(), months.get(december), months, figures(YearMonth.of(year - 1, 12), 3), streets(),
                LocalDateTime.of(2027, 1, 1, 2, 15), LocalDateTime.of(2027, 1, 1, 6, 0),
                months.get(YearMonth.of(year, 11)), null, null);
    }
}
