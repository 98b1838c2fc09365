package cn.sanshe.pipeline.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A street's comprehensive service centre (S4); openedOn null = not built. */
record ServiceCentre(Street street, LocalDate openedOn, BigDecimal area) {

    boolean builtBy(YearMonth month) {
        return openedOn != null && !YearMonth.from(openedOn).isAfter(month);
    }
}
