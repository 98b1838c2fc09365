package cn.sanshe.pipeline.ingest.template;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates the pipeline knows, and which one a header row belongs to. A template is known by
 * its header row, never by file or sheet name (sources.md): the caller feeds a sheet's first ten
 * rows in order and takes the first match.
 */
public final class TemplateCatalog {

    private final List<Template> templates;
    private final List<HeaderMatcher> matchers;

    private TemplateCatalog(List<Template> templates) {
        this.templates = List.copyOf(templates);
        this.matchers = this.templates.stream().map(HeaderMatcher::new).toList();
    }

    /** The seven templates of sources.md with their aliases. */
    public static TemplateCatalog standard() {
        return new TemplateCatalog(StandardTemplates.all());
    }

    /**
     * A catalog with more aliases, as operators configure them when a unit's form says something
     * new. An unknown column id is a configuration mistake and fails at once rather than never
     * matching.
     *
     * @param extra template → column id → aliases to add
     */
    public TemplateCatalog withAliases(Map<TemplateId, Map<String, List<String>>> extra) {
        List<Template> out = new ArrayList<>();
        for (Template template : templates) {
            Map<String, List<String>> more = extra.getOrDefault(template.id(), Map.of());
            for (String columnId : more.keySet()) {
                if (template.column(columnId).isEmpty()) {
                    throw new IllegalArgumentException(template.id() + " has no column " + columnId
                            + "; its columns are " + template.columns().stream().map(ColumnSpec::id).toList());
                }
            }
            out.add(new Template(template.id(), template.columns().stream()
                    .map(c -> more.containsKey(c.id()) ? c.withMoreAliases(more.get(c.id())) : c).toList()));
        }
        return new TemplateCatalog(out);
    }

    public List<Template> templates() {
        return templates;
    }

    public Template template(TemplateId id) {
        return templates.stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    /**
     * The template whose header this row is: it holds every required column of the template.
     * When several qualify (an S2 ledger also names D1's required columns) the one with most
     * columns matched wins; then the one with the larger share of its own columns matched (a D1
     * extract against a shorter S2 match); then catalog order.
     */
    public Optional<HeaderMatch> recognise(SheetRow row) {
        Comparator<HeaderMatch> best = Comparator.<HeaderMatch>comparingInt(m -> m.columnIndex().size())
                .thenComparingDouble(m -> (double) m.columnIndex().size() / m.template().columns().size());
        HeaderMatch winner = null;
        // Normalising the cells is most of a match's cost: once per row, not once per template.
        List<List<String>> forms = HeaderMatcher.forms(row.cells());
        for (HeaderMatcher matcher : matchers) {
            Optional<HeaderMatch> match = matcher.match(row.number(), forms);
            if (match.isPresent() && (winner == null || best.compare(match.get(), winner) > 0)) {
                winner = match.get();
            }
        }
        return Optional.ofNullable(winner);
    }
}
