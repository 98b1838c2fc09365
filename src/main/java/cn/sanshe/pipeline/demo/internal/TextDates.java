package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The ways clerks type a date as text (sources.md); the last two keep only the month. */
final class TextDates {

    static final int FORMS = 7;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private TextDates() {
    }

    static String format(LocalDate d, int form) {
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        return switch (form) {
            case 0 -> y + "-" + two(m) + "-" + two(day);
            case 1 -> y + "/" + m + "/" + day;
            case 2 -> y + "." + two(m) + "." + two(day);
            case 3 -> y + "年" + m + "月" + day + "日";
            case 4 -> y + two(m) + two(day);
            case 5 -> y + "." + m;
            case 6 -> y + "年" + m + "月";
            default -> throw new IllegalArgumentException("no date form " + form);
        };
    }

    /** The number Excel stores for a date (1900 date system, valid after February 1900). */
    static long serial(LocalDate d) {
        return ChronoUnit.DAYS.between(EXCEL_EPOCH, d);
    }

    static String chinese(LocalDate d) {
        return format(d, 3);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
