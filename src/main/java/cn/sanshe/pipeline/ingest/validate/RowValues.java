package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row's cells by column id as the rules across columns need them: whether the clerk typed
 * something, the raw text, and the typed value when it passed its column's rule. A value that
 * failed is absent, so no rule builds a second complaint on top of the first.
 */
final class RowValues {

    private final Map<String, Integer> columnIndex;
    private final SheetRow row;
    // Made for every row: one map, sized for a template's columns, and nothing copied at the end.
    // The raw text is not kept: it is the row's own cell, read again on the rare rule that needs it.
    private final Map<String, Object> valid = new LinkedHashMap<>(32);

    /** @param columnIndex column id → cell index, as the sheet's header matched */
    RowValues(Map<String, Integer> columnIndex, SheetRow row) {
        this.columnIndex = columnIndex;
        this.row = row;
    }

    void blank(String columnId) {
        valid.put(columnId, null);
    }

    void typed(String columnId, CellCheck check) {
        valid.put(columnId, check.value());
    }

    /** Whether the sheet has the column and the clerk typed something in it. */
    boolean present(String columnId) {
        Integer index = columnIndex.get(columnId);
        return index != null && !row.cell(index).isBlank();
    }

    /** The text as typed, or "" where the column is missing or blank. */
    String raw(String columnId) {
        return present(columnId) ? row.cell(columnIndex.get(columnId)) : "";
    }

    <T> Optional<T> value(String columnId, Class<T> type) {
        return Optional.ofNullable(valid.get(columnId)).filter(type::isInstance).map(type::cast);
    }

    void put(String columnId, Object value) {
        valid.put(columnId, value);
    }

    /**
     * Column id → typed value, null where blank or failed, for every column the sheet has. A view:
     * the row's values are final once it is loaded.
     */
    Map<String, Object> loaded() {
        return Collections.unmodifiableMap(valid);
    }
}
