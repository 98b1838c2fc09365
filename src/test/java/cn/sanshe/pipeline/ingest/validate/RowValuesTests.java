package cn.sanshe.pipeline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A row's values are kept in an array by template column, not in a map per row; to the rules and
 * the staging text they must look exactly like the map they replaced: the same entries, nulls for
 * blank or failed cells, nothing for columns the sheet lacks, in the order the values were put.
 */
class RowValuesTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();
    private static final Object[] SAMPLES = {"文本", 12L, LocalDate.of(2019, 3, 5), Boolean.TRUE, null};

    @Test
    void looksLikeTheMapItReplacedWhateverColumnsTheSheetHasAndWhateverIsPut() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Template template = CATALOG.template(TemplateId.values()[random.nextInt(TemplateId.values().length)]);
            Map<String, Integer> columnIndex = new LinkedHashMap<>();
            List<String> cells = new ArrayList<>();
            for (ColumnSpec column : template.columns()) {
                if (random.nextInt(4) > 0) {
                    columnIndex.put(column.id(), cells.size());
                    cells.add(random.nextBoolean() ? "x" : " ");
                }
            }
            RowValues values = new RowValues(template, columnIndex, new SheetRow(2, cells));
            Map<String, Object> model = new LinkedHashMap<>();
            // As the validator puts them: each column the sheet has, in the template's order ...
            for (String id : columnIndex.keySet()) {
                if (random.nextBoolean()) {
                    values.blank(id);
                    model.put(id, null);
                } else {
                    Object value = SAMPLES[random.nextInt(SAMPLES.length)];
                    values.typed(id, value == null ? CellCheck.invalid("坏") : CellCheck.valid(value));
                    model.put(id, value);
                }
            }
            // ... then again for some of them (the period column gets the month it settled on).
            List<String> present = new ArrayList<>(columnIndex.keySet());
            for (int i = 0; i < random.nextInt(3) && !present.isEmpty(); i++) {
                String id = present.get(random.nextInt(present.size()));
                Object value = SAMPLES[random.nextInt(SAMPLES.length)];
                values.put(id, value);
                model.put(id, value);
            }
            Map<String, Object> loaded = values.loaded();
            assertThat(loaded).isEqualTo(model);
            assertThat(new ArrayList<>(loaded.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
            assertThat(loaded.keySet()).containsExactlyElementsOf(model.keySet());
            assertThat(loaded.hashCode()).isEqualTo(model.hashCode());
            for (ColumnSpec column : template.columns()) {
                String id = column.id();
                assertThat(loaded.containsKey(id)).as(id).isEqualTo(model.containsKey(id));
                assertThat(loaded.get(id)).as(id).isEqualTo(model.get(id));
                for (Class<?> type : List.of(Object.class, String.class, Long.class, LocalDate.class)) {
                    assertThat(values.value(id, type)).as(id + " as " + type.getSimpleName())
                            .isEqualTo(Optional.ofNullable(model.get(id)).filter(type::isInstance));
                }
                assertThat(values.present(id)).isEqualTo(columnIndex.containsKey(id)
                        && !cells.get(columnIndex.get(id)).isBlank());
            }
            assertThat(loaded.containsKey("no_such_column")).isFalse();
            assertThat(values.value("no_such_column", Object.class)).isEmpty();
        }
    }

    @Test
    void aColumnTheTemplateDoesNotHaveIsNotTakenSilently() {
        Template template = CATALOG.template(TemplateId.S3);
        RowValues values = new RowValues(template, Map.of(), new SheetRow(2, List.of()));
        assertThatThrownBy(() -> values.put("credit_code", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
