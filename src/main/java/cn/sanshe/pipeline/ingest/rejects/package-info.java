/**
 * The stewards' loop for rejected rows: {@code export rejects} writes the open ones as a
 * workbook a clerk can correct (the reasons beside the cells, nothing a spreadsheet would
 * execute), {@code import corrections} takes it back, checks every row again and loads what is
 * now right; what is still wrong stays open with its new reasons.
 */
package cn.sanshe.pipeline.ingest.rejects;
