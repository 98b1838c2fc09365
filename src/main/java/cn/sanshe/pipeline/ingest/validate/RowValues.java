package cn.sanshe.pipeline.ingest.validate;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A row's cells by column id as the rules across columns need them: whether the clerk typed
 * something, the raw text, and the typed value when it passed its column's rule. A value that
 * failed is absent, so no rule builds a second complaint on top of the first.
 */
final class RowValues {

    private final Map<String, String> raw = new HashMap<>();
    private final Map<String, Object> valid = new LinkedHashMap<>();
    private final Set<String> present = new HashSet<>();

    void blank(String columnId) {
        valid.put(columnId, null);
    }

    void typed(String columnId, String text, CellCheck check) {
        present.add(columnId);
        raw.put(columnId, text);
        valid.put(columnId, check.value());
    }

    boolean present(String columnId) {
        return present.contains(columnId);
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

    /** Column id → typed value, null where blank or failed, for every column the sheet has. */
    Map<String, Object> loaded() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(valid));
    }
}
