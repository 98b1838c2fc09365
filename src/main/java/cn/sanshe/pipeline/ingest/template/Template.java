package cn.sanshe.pipeline.ingest.template;

import java.util.List;
import java.util.Optional;

/** A template of sources.md: its columns in the order of the contract. */
public record Template(TemplateId id, List<ColumnSpec> columns) {

    public Template {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnSpec> column(String columnId) {
        // A plain loop: the rules across columns ask this for every row.
        for (ColumnSpec column : columns) {
            if (column.id().equals(columnId)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    public List<ColumnSpec> requiredColumns() {
        return columns.stream().filter(ColumnSpec::required).toList();
    }
}
