package cn.sanshe.pipeline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matcher looks a cell's text up among the headers and aliases instead of comparing it with
 * every column; over random header rows (every template's headers and aliases, with suffixes,
 * repeats, strangers and blanks) it must give the very match of the column-by-column search.
 */
class HeaderMatcherTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();

    @Test
    void givesTheMatchOfTheColumnByColumnSearchForAnyHeaderRow() {
        List<String> words = new ArrayList<>();
        for (Template template : CATALOG.templates()) {
            for (ColumnSpec column : template.columns()) {
                words.add(column.header());
                words.addAll(column.aliases());
            }
        }
        words.addAll(List.of("序号", "备注", "其他", "", "  ", "No."));
        Random random = new Random(11);
        int matched = 0;
        for (int round = 0; round < 3_000; round++) {
            List<String> cells = new ArrayList<>();
            int width = 1 + random.nextInt(18);
            for (int i = 0; i < width; i++) {
                String word = words.get(random.nextInt(words.size()));
                cells.add(switch (random.nextInt(6)) {
                    case 0 -> word + "（" + words.get(random.nextInt(words.size())) + "）";
                    case 1 -> word + "(单位:个)";
                    default -> word;
                });
            }
            List<List<String>> forms = HeaderMatcher.forms(cells);
            for (Template template : CATALOG.templates()) {
                Optional<HeaderMatch> actual = new HeaderMatcher(template).match(1, forms);
                Optional<HeaderMatch> expected = reference(template, forms);
                assertThat(actual).as("%s: %s", template.id(), cells).isEqualTo(expected);
                matched += actual.isPresent() ? 1 : 0;
            }
        }
        assertThat(matched).as("rows some template recognised").isGreaterThan(100);
    }

    /** The search as it was: four rounds, and in each every free column in the template's order. */
    private static Optional<HeaderMatch> reference(Template template, List<List<String>> forms) {
        Map<Integer, String> byCell = new HashMap<>();
        Map<String, Integer> byColumn = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            for (int cell = 0; cell < forms.size(); cell++) {
                if (byCell.containsKey(cell)) {
                    continue;
                }
                List<String> tried = forms.get(cell);
                List<String> texts = round >= 2 ? tried.subList(Math.min(1, tried.size()), tried.size())
                        : tried.subList(0, Math.min(1, tried.size()));
                String found = null;
                search:
                for (String text : texts) {
                    for (ColumnSpec column : template.columns()) {
                        if (byColumn.containsKey(column.id())) {
                            continue;
                        }
                        boolean hit = round % 2 == 1
                                ? column.aliases().stream().map(HeaderText::normalise).anyMatch(text::equals)
                                : HeaderText.normalise(column.header()).equals(text);
                        if (hit) {
                            found = column.id();
                            break search;
                        }
                    }
                }
                if (found != null) {
                    byCell.put(cell, found);
                    byColumn.put(found, cell);
                }
            }
        }
        for (ColumnSpec column : template.columns()) {
            if (column.required() && !byColumn.containsKey(column.id())) {
                return Optional.empty();
            }
        }
        Map<String, Integer> index = new java.util.LinkedHashMap<>();
        for (ColumnSpec column : template.columns()) {
            if (byColumn.containsKey(column.id())) {
                index.put(column.id(), byColumn.get(column.id()));
            }
        }
        List<String> unmatched = new ArrayList<>();
        for (int cell = 0; cell < forms.size(); cell++) {
            List<String> tried = forms.get(cell);
            if (!byCell.containsKey(cell) && !tried.isEmpty()
                    && !List.of("序号", "序", "No", "No.", "NO", "NO.").contains(tried.get(0))) {
                unmatched.add(tried.get(0));
            }
        }
        return Optional.of(new HeaderMatch(template, 1, index, unmatched));
    }
}
