package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.indicators.Indicator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What leaders and kpis.json are told about a unit and month that rests on nothing sent: no
 * figure (value, numerator and denominator null) and the status {@value #STATUS}, never a 0 that
 * reads as a collapse. Applied once to the stored figures an edition prints, so the PDF, the
 * mail and kpis.json say the same. The data-quality figures stay as computed: a street that sent
 * nothing has a real submission rate of 0 %.
 */
public final class NoData {

    /** The status of a figure that rests on nothing sent (kpis.json, kpis.csv, the PDF). */
    public static final String STATUS = "无数据";

    private NoData() {
    }

    public static List<IndicatorValue> apply(List<IndicatorValue> values) {
        if (values == null || values.isEmpty()) {
            return values == null ? List.of() : values;
        }
        Set<String> units = new HashSet<>();
        values.forEach(v -> units.add(v.scope()));
        Set<String> empty = new HashSet<>();
        for (String unit : units) {
            if (!DataPresence.hasData(values, unit)) {
                empty.add(unit);
            }
        }
        if (empty.isEmpty()) {
            return values;
        }
        List<IndicatorValue> marked = new ArrayList<>(values.size());
        for (IndicatorValue v : values) {
            boolean quality = Indicator.valueOf(v.indicator()).section() == Section.DATA_QUALITY;
            marked.add(!quality && empty.contains(v.scope())
                    ? new IndicatorValue(v.indicator(), v.variant(), v.scope(), v.period(), null, null, null,
                            v.target(), STATUS)
                    : v);
        }
        return marked;
    }

    public static boolean isNoData(IndicatorValue value) {
        return value != null && STATUS.equals(value.status());
    }

    /** Whether any figure of these units rests on something sent. */
    static boolean anyData(List<IndicatorValue> values, Collection<String> units) {
        return units.stream().anyMatch(unit -> DataPresence.hasData(values, unit));
    }
}
