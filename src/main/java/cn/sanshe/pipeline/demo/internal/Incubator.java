package cn.sanshe.pipeline.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * An incubator for social organizations (D2). Its counts grow with the months it has been open,
 * which keeps 出壳 ≤ 累计 and the cumulative figure never falling.
 *
 * @param streetCode 9 digits, or null when the register leaves it blank (city and district level)
 */
record Incubator(String name, String level, String districtCode, String streetCode, BigDecimal area,
        LocalDate openedOn, String operatorCode, double monthlyIntake, double hatchShare) {

    boolean openBy(YearMonth month) {
        return !YearMonth.from(openedOn).isAfter(month);
    }

    int cumulative(YearMonth month) {
        return 1 + (int) (YearMonth.from(openedOn).until(month, ChronoUnit.MONTHS) * monthlyIntake);
    }

    int hatched(YearMonth month) {
        return (int) (cumulative(month) * hatchShare);
    }

    /** Some leave without hatching, so 在孵 is less than 累计 − 出壳. */
    int incubating(YearMonth month) {
        int c = cumulative(month);
        return Math.max(0, c - hatched(month) - c / 25);
    }

    int levelRank() {
        return switch (level) {
            case "市级" -> 0;
            case "区级" -> 1;
            default -> 2;
        };
    }
}
