/**
 * What every file a spreadsheet can open goes through: {@link SpreadsheetText} neutralises text a
 * spreadsheet would execute (a leading = + - @, tab or CR), {@link CsvExport} writes the csv exports
 * (UTF-8 with a BOM, cells neutralised), and the xlsx writers take their text cells from
 * {@link SpreadsheetText#inert(String)} too. Masters, lineage, accounting, review, conflicts, rejects
 * and kpis.csv all use them, so one rule holds for every export.
 */
package cn.sanshe.pipeline.exports;
