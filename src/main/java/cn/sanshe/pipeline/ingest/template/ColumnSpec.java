package cn.sanshe.pipeline.ingest.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One column of a template.
 *
 * @param id         the staging table's column name
 * @param header     the canonical header text of sources.md, used in reasons
 * @param aliases    other header texts that mean this column
 * @param required   a blank cell rejects the row (and the header row must have the column)
 * @param kind       how cells are parsed and checked
 * @param vocabulary canonical values accepted in this column, for a kind with a vocabulary (a
 *                   template may accept fewer than the kind knows: D3 has no 无 certificate)
 */
public record ColumnSpec(String id, String header, List<String> aliases, boolean required, ValueKind kind,
        List<String> vocabulary) {

    public ColumnSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(header);
        Objects.requireNonNull(kind);
        aliases = List.copyOf(aliases);
        vocabulary = List.copyOf(vocabulary);
    }

    /** A column whose vocabulary is all its kind knows. */
    public static ColumnSpec of(String id, String header, boolean required, ValueKind kind, String... aliases) {
        return new ColumnSpec(id, header, List.of(aliases), required, kind, kind.vocabulary());
    }

    public ColumnSpec withVocabulary(String... canonical) {
        if (!kind.vocabulary().containsAll(List.of(canonical))) {
            throw new IllegalArgumentException(kind + " has no value among " + List.of(canonical));
        }
        return new ColumnSpec(id, header, aliases, required, kind, List.of(canonical));
    }

    public ColumnSpec withMoreAliases(List<String> more) {
        List<String> all = new ArrayList<>(aliases);
        more.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return new ColumnSpec(id, header, all, required, kind, vocabulary);
    }
}
