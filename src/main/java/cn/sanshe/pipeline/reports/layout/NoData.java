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
 * What leaders and kpis.json are told about a unit's section (facilities, incubators, staffing,
 * organizations) in a month that rests on nothing sent: no
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
        Set<String> present = new HashSet<>();
        for (IndicatorValue v : values) {
            Section section = Indicator.valueOf(v.indicator()).section();
            if (section != Section.DATA_QUALITY && rests(v)) {
                present.add(v.scope());
                present.add(v.scope() + '|' + section);
            }
        }
        List<IndicatorValue> marked = new ArrayList<>(values.size());
        boolean changed = false;
        for (IndicatorValue v : values) {
            Section section = Indicator.valueOf(v.indicator()).section();
            // nothing of the unit rests on a file: every figure; else a section whose figures only
            // files give (facilities: S1/S4; staffing: S3) and none did. Incubators and
            // organizations of a unit that sent other things are real zeros (a district without one).
            boolean empty = section != Section.DATA_QUALITY && (!present.contains(v.scope())
                    || (ownFiles(section) && !present.contains(v.scope() + '|' + section)));
            changed |= empty;
            marked.add(empty
                    ? new IndicatorValue(v.indicator(), v.variant(), v.scope(), v.period(), null, null, null,
                            v.target(), STATUS)
                    : v);
        }
        return changed ? marked : values;
    }

    private static boolean ownFiles(Section section) {
        return section == Section.FACILITIES || section == Section.STAFFING;
    }

    /**
     * Whether a figure rests on something sent: something counted, or a denominator only files
     * give (households of S1, workers of S3) — a coverage of 0 over sent communities is a real 0;
     * over the division tree's communities alone, with nothing sent, it is no data.
     */
    private static boolean rests(IndicatorValue v) {
        if (STATUS.equals(v.status())) {
            return false;
        }
        if (v.numerator() != null && v.numerator().signum() > 0) {
            return true;
        }
        if (v.denominator() == null && v.value() != null && v.value().signum() > 0) {
            return true;
        }
        boolean sentDenominator = switch (Indicator.valueOf(v.indicator())) {
            case FAC_AREA_PER_100_HH, STF_HH_PER_WORKER, STF_COLLEGE_RATE -> true;
            default -> false;
        };
        return sentDenominator && v.denominator() != null && v.denominator().signum() > 0;
    }

    public static boolean isNoData(IndicatorValue value) {
        return value != null && STATUS.equals(value.status());
    }

    /** Whether any figure of these units rests on something sent. */
    static boolean anyData(List<IndicatorValue> values, Collection<String> units) {
        return units.stream().anyMatch(unit -> DataPresence.hasData(values, unit));
    }
}
