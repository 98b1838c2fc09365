package cn.sanshe.pipeline.ingest.read;

import java.util.List;

/**
 * One row of a sheet as the clerk sees it.
 *
 * @param number 1-based row number, as shown in the spreadsheet's margin (CSV: line of the record)
 * @param cells  cell texts from column A on; typed cells already rendered as text (see
 *               {@link WorkbookReader}); never null elements, "" for an empty cell
 */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
