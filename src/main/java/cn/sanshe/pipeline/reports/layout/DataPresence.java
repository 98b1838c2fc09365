package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.IndicatorValue;
import java.util.List;

/**
 * Whether a month's figures rest on anything sent: the month-end state carries every earlier
 * month, so a month before the first file of the scope has only zeros over the division tree's
 * counts. Such a month is shown as no data (a gap in a trend, a dash as last year's figure),
 * not as a real 0 that would read as a collapse.
 */
final class DataPresence {

    private DataPresence() {
    }

    static boolean hasData(List<IndicatorValue> values, String scope) {
        for (IndicatorValue value : values) {
            if (!value.scope().equals(scope) || NoData.STATUS.equals(value.status())
                    || cn.sanshe.pipeline.indicators.Indicator.valueOf(value.indicator()).section()
                    == cn.sanshe.pipeline.indicators.Section.DATA_QUALITY) {
                continue;
            }
            boolean counted = value.numerator() != null && value.numerator().signum() > 0;
            boolean plainCount = value.denominator() == null && value.value() != null && value.value().signum() > 0;
            if (counted || plainCount) {
                return true;
            }
        }
        return false;
    }
}
