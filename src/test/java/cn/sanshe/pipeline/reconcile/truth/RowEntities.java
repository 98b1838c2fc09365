package cn.sanshe.pipeline.reconcile.truth;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Which real entity each staging row belongs to, keyed {@code "S2:<stg id>"}: a read-only map
 * kept as one int array per template (staging ids are handed out consecutively), so that millions
 * of rows cost a few bytes each. Each row also keeps a byte of tags saying what noise it carries.
 */
public final class RowEntities extends AbstractMap<String, Long> {

    /** Tags of a row (bits). */
    public static final int PREFIX = 1;
    public static final int SPACING = 2;
    public static final int HOMOPHONE = 4;
    public static final int EDIT = 8;
    public static final int NO_CODE = 16;
    public static final int NO_PHONE = 32;
    /** A worker row that is a second community's listing, or a certificate under another id. */
    public static final int PLANTED = 64;

    private final Map<String, Column> columns = new LinkedHashMap<>();
    private int size;

    static final class Column {
        final String template;
        long base = -1;
        int[] entities = new int[1024];
        byte[] tags = new byte[1024];
        int size;

        Column(String template) {
            this.template = template;
        }

        int entity(long stgId) {
            long index = stgId - base;
            return base < 0 || index < 0 || index >= size ? 0 : entities[(int) index];
        }
    }

    RowEntities(String... templates) {
        for (String template : templates) {
            columns.put(template, new Column(template));
        }
    }

    /** Wraps any map with the same keys (the fast path when it already is one). */
    static RowEntities of(Map<String, Long> map) {
        if (map instanceof RowEntities rows) {
            return rows;
        }
        throw new IllegalArgumentException("a truth map made by TruthGenerator is needed");
    }

    void add(String template, long stgId, int entity, int tags) {
        Column column = columns.get(template);
        if (column.base < 0) {
            column.base = stgId;
        }
        if (stgId != column.base + column.size) {
            throw new IllegalStateException(template + " staging ids must be consecutive: " + stgId + " after "
                    + (column.base + column.size - 1));
        }
        if (column.size == column.entities.length) {
            column.entities = Arrays.copyOf(column.entities, column.size * 2);
            column.tags = Arrays.copyOf(column.tags, column.size * 2);
        }
        column.entities[column.size] = entity;
        column.tags[column.size] = (byte) tags;
        column.size++;
        size++;
    }

    /** The entity of a row, 0 when the row is not one of the truth's. */
    public int entity(String template, long stgId) {
        Column column = columns.get(template);
        return column == null ? 0 : column.entity(stgId);
    }

    public int tags(String template, long stgId) {
        Column column = columns.get(template);
        return column == null || column.entity(stgId) == 0 ? 0 : column.tags[(int) (stgId - column.base)];
    }

    public Set<String> templates() {
        return columns.keySet();
    }

    /** Rows of one template. */
    public int rows(String template) {
        Column column = columns.get(template);
        return column == null ? 0 : column.size;
    }

    /** The first staging id of a template's rows (the rest follow consecutively); -1 when none. */
    public long firstId(String template) {
        Column column = columns.get(template);
        return column == null || column.size == 0 ? -1 : column.base;
    }

    /** The highest entity number any row has. */
    public int maxEntity() {
        int max = 0;
        for (Column column : columns.values()) {
            for (int i = 0; i < column.size; i++) {
                max = Math.max(max, column.entities[i]);
            }
        }
        return max;
    }

    /** Calls back with every row of a template: staging id, entity, tags. */
    public void forEach(String template, RowVisitor visitor) {
        Column column = columns.get(template);
        if (column == null) {
            return;
        }
        for (int i = 0; i < column.size; i++) {
            visitor.row(column.base + i, column.entities[i], column.tags[i]);
        }
    }

    @FunctionalInterface
    public interface RowVisitor {
        void row(long stgId, int entity, int tags);
    }

    @Override
    public Long get(Object key) {
        if (!(key instanceof String text)) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            int entity = entity(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
            return entity == 0 ? null : (long) entity;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Long>> iterator() {
                Iterator<Column> each = columns.values().iterator();
                return new Iterator<>() {
                    Column column = each.hasNext() ? each.next() : null;
                    int index;

                    @Override
                    public boolean hasNext() {
                        while (column != null && index >= column.size) {
                            column = each.hasNext() ? each.next() : null;
                            index = 0;
                        }
                        return column != null;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Long> entry = new SimpleImmutableEntry<>(column.template + ":" + (column.base + index),
                                (long) column.entities[index]);
                        index++;
                        return entry;
                    }
                };
            }
        };
    }
}
