package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What leaders and kpis.json are told about a figure that rests on nothing sent: no figure
 * (value, numerator and denominator null) and the status {@value #STATUS}, never a 0 that reads
 * as a collapse. A unit none of whose figures rests on a file (a month before the first file, a
 * street that never sent anything) has only such figures; a unit that sent something has them
 * where the figure comes from the street's own templates alone and those never came (S1/S4 for
 * facilities, the S3 roster for the staffing rates). Incubators, organizations, professionals
 * and agencies come from district files too: a unit that sent other things has real zeros there
 * (a district without an incubator shows 0). The data-quality figures stay as computed: a street
 * that sent nothing has a real submission rate of 0 %. Applied once to the stored figures an
 * edition prints, so the PDF, the mail and kpis.json say the same.
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
            if (Indicator.valueOf(v.indicator()).section() != Section.DATA_QUALITY && rests(v)) {
                present.add(v.scope());
            }
            String source = sentBy(v);
            if (source != null) {
                present.add(v.scope() + '|' + source);
            }
        }
        List<IndicatorValue> marked = new ArrayList<>(values.size());
        boolean changed = false;
        for (IndicatorValue v : values) {
            Indicator indicator = Indicator.valueOf(v.indicator());
            String source = source(indicator);
            boolean empty = indicator.section() != Section.DATA_QUALITY && (!present.contains(v.scope())
                    || (source != null && !present.contains(v.scope() + '|' + source)));
            changed |= empty;
            marked.add(empty
                    ? new IndicatorValue(v.indicator(), v.variant(), v.scope(), v.period(), null, null, null,
                            v.target(), STATUS)
                    : v);
        }
        return changed ? marked : values;
    }

    public static boolean isNoData(IndicatorValue value) {
        return value != null && STATUS.equals(value.status());
    }

    /** The street templates a figure rests on alone: {@code S1S4} (facilities), {@code S3} (the roster), or null. */
    private static String source(Indicator indicator) {
        return switch (indicator) {
            case FAC_COMMUNITY_COVERAGE, FAC_COMMUNITY_AREA_OK, FAC_AREA_PER_100_HH, FAC_STREET_CENTER_COVERAGE,
                 FAC_STREET_CENTER_AREA_OK -> "S1S4";
            case STF_COMMITTEE_CERT_RATE, STF_POSTS_PER_POP_OK, STF_PRO_PER_COMMUNITY_OK, STF_COMMITTEE_WITH_CERT,
                 STF_COLLEGE_RATE, STF_HH_PER_WORKER -> "S3";
            default -> null;
        };
    }

    /** Which street templates a figure shows were sent: households (S1), a facility or centre (S1/S4), workers (S3). */
    private static String sentBy(IndicatorValue v) {
        if (STATUS.equals(v.status())) {
            return null;
        }
        boolean denominator = v.denominator() != null && v.denominator().signum() > 0;
        boolean numerator = v.numerator() != null && v.numerator().signum() > 0;
        return switch (Indicator.valueOf(v.indicator())) {
            case FAC_AREA_PER_100_HH -> denominator ? "S1S4" : null;
            case FAC_COMMUNITY_COVERAGE, FAC_STREET_CENTER_COVERAGE -> numerator ? "S1S4" : null;
            case STF_COLLEGE_RATE -> denominator ? "S3" : null;
            default -> null;
        };
    }

    /** Whether a figure rests on something sent: something counted, or households or workers (only files give those). */
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
        return sentBy(v) != null;
    }
}
