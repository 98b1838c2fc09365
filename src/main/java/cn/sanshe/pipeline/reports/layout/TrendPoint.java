package cn.sanshe.pipeline.reports.layout;

import java.math.BigDecimal;

/** A point of a yearly edition's trend line: the month (1月 … 12月) and the scope's figure then. */
public record TrendPoint(String month, BigDecimal value) {
}
