package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A row's cells by column id as the rules across columns need them: whether the clerk typed
 * something, the raw text, and the typed value when it passed its column's rule. A value that
 * failed is absent, so no rule builds a second complaint on top of the first.
 */
final class RowValues {

    /** Stands for a column the row has no value entry for (the sheet lacks it); null is a value: blank or failed. */
    private static final Object ABSENT = new Object();
    /**
     * Column id → position in its template, made once per template and shared by every row and
     * thread. Keyed by the template's id (a record's own hash would walk all its columns for every
     * row), and kept only for the very column list it was made from.
     */
    private static final Map<TemplateId, Slots> SLOTS = new ConcurrentHashMap<>();

    private record Slots(List<ColumnSpec> columns, Map<String, Integer> byId) {
    }

    private final Map<String, Integer> columnIndex;
    private final SheetRow row;
    private final Template template;
    private final Map<String, Integer> slots;
    // Made for every row: one array, one entry per template column, in the template's order (the order
    // the values are put in); no map nodes. The raw text is not kept: it is the row's own cell.
    private final Object[] valid;

    /** @param columnIndex column id → cell index, as the sheet's header matched */
    RowValues(Template template, Map<String, Integer> columnIndex, SheetRow row) {
        this.template = template;
        this.columnIndex = columnIndex;
        this.row = row;
        this.slots = slots(template);
        this.valid = new Object[template.columns().size()];
        Arrays.fill(valid, ABSENT);
    }

    private static Map<String, Integer> slots(Template template) {
        Slots known = SLOTS.get(template.id());
        if (known != null && known.columns() == template.columns()) {
            return known.byId();
        }
        List<ColumnSpec> columns = template.columns();
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            byId.put(columns.get(i).id(), i);
        }
        SLOTS.put(template.id(), new Slots(columns, byId));
        return byId;
    }

    void blank(String columnId) {
        put(columnId, null);
    }

    void typed(String columnId, CellCheck check) {
        put(columnId, check.value());
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
        Integer slot = slots.get(columnId);
        Object value = slot == null || valid[slot] == ABSENT ? null : valid[slot];
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    void put(String columnId, Object value) {
        Integer slot = slots.get(columnId);
        if (slot == null) {
            throw new IllegalArgumentException("template " + template.id() + " has no column " + columnId);
        }
        valid[slot] = value;
    }

    /**
     * Column id → typed value, null where blank or failed, for every column the sheet has, in the
     * template's order. A view: the row's values are final once it is loaded.
     */
    Map<String, Object> loaded() {
        return new Loaded();
    }

    /** The values as a read-only map over the array: lookups by column id, iteration in column order. */
    private final class Loaded extends AbstractMap<String, Object> {

        @Override
        public Object get(Object key) {
            Integer slot = slots.get(key);
            return slot == null || valid[slot] == ABSENT ? null : valid[slot];
        }

        @Override
        public boolean containsKey(Object key) {
            Integer slot = slots.get(key);
            return slot != null && valid[slot] != ABSENT;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next = advance(0);

                        private int advance(int from) {
                            int i = from;
                            while (i < valid.length && valid[i] == ABSENT) {
                                i++;
                            }
                            return i;
                        }

                        @Override
                        public boolean hasNext() {
                            return next < valid.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= valid.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry =
                                    new SimpleImmutableEntry<>(template.columns().get(next).id(), valid[next]);
                            next = advance(next + 1);
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    int size = 0;
                    for (Object value : valid) {
                        size += value == ABSENT ? 0 : 1;
                    }
                    return size;
                }
            };
        }
    }
}
