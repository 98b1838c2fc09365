package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rejected row's cells under its template's standard columns: as the clerk sent them, and as a
 * workbook may show them. Shown, an identity number is masked by the one rule of
 * {@link IdentityNumber#mask(String)} and, beside it, a birth date is reduced to its year — the
 * mask hides exactly the birth date, so the two together would give the number back. Anything
 * looking like an identity number in another cell is masked too. A cell that comes back exactly as
 * shown means "unchanged": {@link #restore} gives back what was sent.
 */
final class RejectCells {

    private static final Pattern YEAR = Pattern.compile("(1[89][0-9]{2}|20[0-9]{2})");

    private RejectCells() {
    }

    /** The raw cells (keyed by the clerk's own headers) under the template's standard columns. */
    static List<String> sent(TemplateCatalog catalog, Template template, Map<String, String> rawCells) {
        List<String> rawHeaders = new ArrayList<>(rawCells.keySet());
        List<String> rawValues = new ArrayList<>(rawCells.values());
        Optional<HeaderMatch> match = catalog.recognise(new SheetRow(1, rawHeaders))
                .filter(m -> m.template().id() == template.id());
        List<String> cells = new ArrayList<>();
        for (ColumnSpec column : template.columns()) {
            Integer index = match.map(m -> m.columnIndex().get(column.id())).orElse(null);
            String value = index == null || index >= rawValues.size() ? "" : rawValues.get(index);
            cells.add(value == null ? "" : value);
        }
        return cells;
    }

    /** What a person without the right to the full number may see of the sent cells. */
    static List<String> shown(Template template, List<String> sent) {
        boolean hasIdentity = template.columns().stream().anyMatch(c -> c.kind() == ValueKind.ID_NUMBER);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            shown.add(shown(template.columns().get(i), sent.get(i), hasIdentity));
        }
        return shown;
    }

    private static String shown(ColumnSpec column, String value, boolean hasIdentity) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (column.kind() == ValueKind.ID_NUMBER) {
            return IdentityNumber.mask(value.trim());
        }
        if (hasIdentity && column.id().equals("birth_date")) {
            Matcher year = YEAR.matcher(value);
            return year.find() ? year.group(1) : "";
        }
        return IdentityNumber.maskIn(value);
    }

    /** The cells to check again: a cell returned exactly as it was shown stands for what was sent. */
    static List<String> restore(List<String> returned, List<String> shown, List<String> sent) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < returned.size(); i++) {
            String back = returned.get(i) == null ? "" : returned.get(i).trim();
            if (i < shown.size() && back.equals(shown.get(i).trim())) {
                cells.add(sent.get(i));
            } else {
                cells.add(returned.get(i));
            }
        }
        return cells;
    }

    /**
     * A row of a corrected workbook read back under its template's columns: whether every cell came
     * back as it was shown, the cells to keep (a cell returned as shown stands for what was sent),
     * and the row to check again — those cells where the template's columns are, the rest as returned.
     */
    record ReadBack(boolean unchanged, List<String> cells, SheetRow toCheck) {
    }

    static ReadBack readBack(HeaderMatch match, SheetRow row, List<String> shown, List<String> sent) {
        List<ColumnSpec> columns = match.template().columns();
        List<String> returned = new ArrayList<>();
        boolean unchanged = true;
        for (int i = 0; i < columns.size(); i++) {
            Integer index = match.columnIndex().get(columns.get(i).id());
            returned.add(index == null ? "" : row.cell(index));
            unchanged &= returned.get(i).trim().equals(shown.get(i).trim());
        }
        List<String> cells = restore(returned, shown, sent);
        String[] checked = row.cells().toArray(String[]::new);
        for (int i = 0; i < columns.size(); i++) {
            Integer index = match.columnIndex().get(columns.get(i).id());
            if (index != null && index < checked.length) {
                checked[index] = cells.get(i);
            }
        }
        return new ReadBack(unchanged, cells, new SheetRow(row.number(), List.of(checked)));
    }

    /** The cells of a row still wrong as they are kept, under the template's standard headers. */
    static Map<String, String> byHeader(Template template, List<String> cells) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < template.columns().size(); i++) {
            kept.put(template.columns().get(i).header(), cells.get(i) == null ? "" : cells.get(i));
        }
        return kept;
    }
}
