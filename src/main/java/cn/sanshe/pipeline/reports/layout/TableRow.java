package cn.sanshe.pipeline.reports.layout;

import java.util.List;

/** One unit's line of a section table (a district or a street), or the scope's total line. */
public record TableRow(String unitCode, String unit, boolean total, List<Cell> cells) {
}
