package cn.sanshe.pipeline.reconcile.survive;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One source row's values for survivorship (and, while survivorship holds them, for the per-master
 * conflict rules). Ordered newest first; within a month the district's register before the
 * street's roster or ledger (identifiers.md: ties go to the district).
 *
 * @param template S2, D1, S3 or D3
 * @param values   the row's columns by the names of {@code MasterKind}'s query
 */
public record SourceValues(String template, long stgId, String period, Map<String, Object> values) {

    static final Comparator<SourceValues> NEWEST_FIRST = Comparator.comparing(SourceValues::period).reversed()
            .thenComparing(source -> source.template().startsWith("D") ? 0 : 1)
            .thenComparing(Comparator.comparingLong(SourceValues::stgId).reversed());

    public boolean fromDistrict() {
        return template.startsWith("D");
    }

    /** A column's text, or null when it is empty or blank. */
    public String text(String column) {
        Object value = values.get(column);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The value a field takes and the row it came from. */
    record Chosen(Object value, SourceValues source) {
    }

    /** The newest non-blank value of a field among the given rows (already ordered). */
    static Optional<Chosen> newest(List<SourceValues> rows, String field) {
        for (SourceValues row : rows) {
            Object value = row.values().get(field);
            if (value != null && !(value instanceof String text && text.isBlank())) {
                return Optional.of(new Chosen(value, row));
            }
        }
        return Optional.empty();
    }
}
