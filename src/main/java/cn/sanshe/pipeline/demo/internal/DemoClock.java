package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Fixed points of the simulated city. Churn (people leaving and joining, organizations founded,
 * registered or closed) is spread over a window of real months rather than over the months asked
 * for, so October looks the same whether it is written alone or after September.
 */
final class DemoClock {

    /** Ages and figures are set as of this month; the demo's months lie around it. */
    static final YearMonth ANCHOR = YearMonth.of(2026, 7);
    static final LocalDate ANCHOR_DAY = ANCHOR.atDay(1);
    static final YearMonth CHURN_FROM = YearMonth.of(2025, 1);
    static final YearMonth CHURN_TO = YearMonth.of(2028, 12);

    private DemoClock() {
    }

    static LocalDate churnDay(Rng rng) {
        return rng.monthBetween(CHURN_FROM, CHURN_TO).atDay(rng.between(1, 28));
    }

    static boolean reached(YearMonth start, YearMonth month) {
        return start == null || !month.isBefore(start);
    }

    static boolean before(YearMonth end, YearMonth month) {
        return end == null || month.isBefore(end);
    }
}
