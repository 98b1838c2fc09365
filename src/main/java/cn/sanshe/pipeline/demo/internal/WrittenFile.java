package cn.sanshe.pipeline.demo.internal;

import java.time.YearMonth;

/**
 * One file written: path relative to the inbox with '/' separators, the templates it holds
 * ("S2" or "S2+S3" for a workbook with two template sheets) and its data rows (the rows a reader
 * should load or reject, not titles, headers, totals, signatures or blank rows).
 */
public record WrittenFile(String relativePath, String templates, String unit, YearMonth period, int dataRows) {
}
