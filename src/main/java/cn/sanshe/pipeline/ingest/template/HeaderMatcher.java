package cn.sanshe.pipeline.ingest.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches one header row against one template. Cells are tried in four rounds, best evidence
 * first: the whole text as a canonical header, the whole text as an alias, then the same with
 * bracketed suffixes dropped. So {@code 负责人} next to {@code 联系人} goes to the column it names,
 * and {@code 社区(村)名称} is never cut down to the alias {@code 社区}.
 */
final class HeaderMatcher {

    /** Row numbers, not data: never reported as an unknown header. */
    private static final Set<String> IGNORED = Set.of("序号", "序", "No", "No.", "NO", "NO.");

    private final Template template;
    /**
     * Normalised header → the ids of the columns it names, in the template's order; the same for
     * aliases. Every row above the data is tried against every template, so a cell's text is looked
     * up, not compared with each column in turn.
     */
    private final Map<String, List<String>> headers = new HashMap<>();
    private final Map<String, List<String>> aliases = new HashMap<>();
    private final List<String> required;

    HeaderMatcher(Template template) {
        this.template = template;
        for (ColumnSpec column : template.columns()) {
            headers.computeIfAbsent(HeaderText.normalise(column.header()), h -> new ArrayList<>()).add(column.id());
            for (String alias : column.aliases()) {
                List<String> ids = aliases.computeIfAbsent(HeaderText.normalise(alias), a -> new ArrayList<>());
                if (!ids.contains(column.id())) {
                    ids.add(column.id());
                }
            }
        }
        this.required = template.requiredColumns().stream().map(ColumnSpec::id).toList();
    }

    Template template() {
        return template;
    }

    /** The forms of a row's cells ({@link HeaderText#forms}), made once per row for every template's matcher. */
    static List<List<String>> forms(List<String> cells) {
        List<List<String>> forms = new ArrayList<>(cells.size());
        for (String cell : cells) {
            forms.add(HeaderText.forms(cell));
        }
        return forms;
    }

    /** The match when every required column is found, else empty; {@code forms} as {@link #forms} makes them. */
    Optional<HeaderMatch> match(int rowNumber, List<List<String>> forms) {
        Map<Integer, String> byCell = new HashMap<>();
        Map<String, Integer> byColumn = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            boolean stripped = round >= 2;
            boolean alias = round % 2 == 1;
            for (int cell = 0; cell < forms.size(); cell++) {
                if (byCell.containsKey(cell)) {
                    continue;
                }
                List<String> tried = forms.get(cell);
                List<String> texts = stripped ? tried.subList(Math.min(1, tried.size()), tried.size())
                        : tried.subList(0, Math.min(1, tried.size()));
                String column = find(texts, alias, byColumn);
                if (column != null) {
                    byCell.put(cell, column);
                    byColumn.put(column, cell);
                }
            }
        }
        for (String column : required) {
            if (!byColumn.containsKey(column)) {
                return Optional.empty();
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        template.columns().stream().filter(c -> byColumn.containsKey(c.id()))
                .forEach(c -> index.put(c.id(), byColumn.get(c.id())));
        List<String> unmatched = new ArrayList<>();
        for (int cell = 0; cell < forms.size(); cell++) {
            List<String> tried = forms.get(cell);
            if (!byCell.containsKey(cell) && !tried.isEmpty() && !IGNORED.contains(tried.get(0))) {
                unmatched.add(tried.get(0));
            }
        }
        return Optional.of(new HeaderMatch(template, rowNumber, index, unmatched));
    }

    /** The first column, in the template's order, that the first text naming any free column names. */
    private String find(List<String> texts, boolean alias, Map<String, Integer> taken) {
        Map<String, List<String>> names = alias ? aliases : headers;
        for (String text : texts) {
            List<String> columns = names.get(text);
            if (columns == null) {
                continue;
            }
            for (String column : columns) {
                if (!taken.containsKey(column)) {
                    return column;
                }
            }
        }
        return null;
    }
}
