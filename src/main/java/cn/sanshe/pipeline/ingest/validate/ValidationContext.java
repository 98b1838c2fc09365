package cn.sanshe.pipeline.ingest.validate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a row is checked against besides its own cells.
 *
 * @param fallbackPeriod the period from the title row, else the drop folder or the operator's
 *                       command; used when the row has no 统计月份 of its own; null if unknown
 * @param today          for birth dates and dates not in the future
 * @param divisions      the division reference
 * @param unitCode       the sending unit: a street's 9 digits or a district's 6
 */
public record ValidationContext(YearMonth fallbackPeriod, LocalDate today, DivisionLookup divisions, String unitCode) {
}
