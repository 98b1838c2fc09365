package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The figures of one computation, found by indicator, variant and unit. */
final class FigureIndex {

    private final Map<String, IndicatorValue> byKey = new HashMap<>();

    FigureIndex(List<IndicatorValue> values) {
        for (IndicatorValue value : values) {
            byKey.put(key(value.indicator(), value.variant(), value.scope()), value);
        }
    }

    /** The figure, or null when the computation has none for that unit. */
    IndicatorValue get(Indicator indicator, String variant, String unitCode) {
        return byKey.get(key(indicator.id(), variant, unitCode));
    }

    private static String key(String indicator, String variant, String unit) {
        return indicator + '|' + variant + '|' + unit;
    }
}
