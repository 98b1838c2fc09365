package cn.sanshe.pipeline.ingest.validate;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row's cells by column id as the rules across columns need them: whether the clerk typed
 * something, the raw text, and the typed value when it passed its column's rule. A value that
 * failed is absent, so no rule builds a second complaint on top of the first.
 */
final class RowValues {

    // Made for every row: two maps, sized for a template's columns, and nothing copied at the end.
    private final Map<String, String> raw = new HashMap<>(32);
    private final Map<String, Object> valid = new LinkedHashMap<>(32);

    void blank(String columnId) {
        valid.put(columnId, null);
    }

    void typed(String columnId, String text, CellCheck check) {
        raw.put(columnId, text);
        valid.put(columnId, check.value());
    }

    boolean present(String columnId) {
        return raw.containsKey(columnId);
    }

    String raw(String columnId) {
        return raw.getOrDefault(columnId, "");
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
