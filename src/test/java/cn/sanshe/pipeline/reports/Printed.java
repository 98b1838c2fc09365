package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.reports.export.KpisWriter;
import cn.sanshe.pipeline.reports.layout.Formats;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a dashboard must print for given figures: a section table's line, read from kpis.json or a list. */
final class Printed {

    private Printed() {
    }

    /** The figures of a section for one unit and month, in table order, as printed. */
    static List<String> sectionLine(List<IndicatorValue> values, Section section, String unit, String period) {
        List<String> cells = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.section() != section) {
                continue;
            }
            for (String variant : indicator.variants()) {
                IndicatorValue figure = values.stream().filter(v -> v.indicator().equals(indicator.id())
                        && v.variant().equals(variant) && v.scope().equals(unit) && v.period().equals(period))
                        .findFirst().orElseThrow(() -> new AssertionError("no figure " + indicator + "/" + variant
                                + " for " + unit + " in " + period));
                cells.add(Formats.cell(indicator, figure));
            }
        }
        return cells;
    }

    static IndicatorValue figure(List<IndicatorValue> values, String indicator, String variant, String unit,
            String period) {
        return values.stream().filter(v -> v.indicator().equals(indicator) && v.variant().equals(variant)
                && v.scope().equals(unit) && v.period().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + indicator + "/" + variant + " for " + unit));
    }

    /** kpis.json read back as figures (the profile column checked separately). */
    static List<IndicatorValue> kpis(Path json) throws IOException {
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(json.toFile(),
                new TypeReference<List<Map<String, Object>>>() { });
        List<IndicatorValue> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!row.keySet().containsAll(KpisWriter.COLUMNS)) {
                throw new AssertionError("kpis.json row without every column: " + row.keySet());
            }
            values.add(new IndicatorValue((String) row.get("indicator"), (String) row.get("variant"),
                    (String) row.get("scope"), (String) row.get("period"), decimal(row.get("value")),
                    decimal(row.get("numerator")), decimal(row.get("denominator")), decimal(row.get("target")),
                    (String) row.get("status")));
        }
        return values;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
