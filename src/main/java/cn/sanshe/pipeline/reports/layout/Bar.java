package cn.sanshe.pipeline.reports.layout;

import java.math.BigDecimal;

/** A bar of a section chart: a unit and its figure in the printed unit (59.2 for 59.2 %). */
public record Bar(String unit, BigDecimal value) {
}
