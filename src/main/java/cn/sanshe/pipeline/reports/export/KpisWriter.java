package cn.sanshe.pipeline.reports.export;

import cn.sanshe.pipeline.exports.CsvExport;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * kpis.json and kpis.csv beside a dashboard (operations.md): every figure the edition's stored
 * runs hold, {@code indicator, variant, scope, period, profile, value, numerator, denominator,
 * target, status}. Values at full precision (0.591999); the PDF prints them rounded (59.2%).
 */
public final class KpisWriter {

    public static final List<String> COLUMNS = List.of("indicator", "variant", "scope", "period", "profile", "value",
            "numerator", "denominator", "target", "status");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private KpisWriter() {
    }

    public static void write(List<IndicatorValue> values, String profile, Path json, Path csv) {
        List<Map<String, Object>> rows = values.stream().map(value -> row(value, profile)).toList();
        try {
            Files.createDirectories(json.toAbsolutePath().getParent());
            JSON.writeValue(json.toFile(), rows);
            // With a BOM, so Excel (what leaders open a CSV with) reads the Chinese variants right.
            // Through the shared export writer: a variant or scope name is never a live formula.
            try (CsvExport printer = CsvExport.create(csv)) {
                printer.header(COLUMNS);
                for (Map<String, Object> row : rows) {
                    printer.row(row.values().stream().map(KpisWriter::plain).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> row(IndicatorValue value, String profile) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("indicator", value.indicator());
        row.put("variant", value.variant());
        row.put("scope", value.scope());
        row.put("period", value.period());
        row.put("profile", profile);
        row.put("value", value.value());
        row.put("numerator", value.numerator());
        row.put("denominator", value.denominator());
        row.put("target", value.target());
        row.put("status", value.status());
        return row;
    }

    private static Object plain(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value;
    }
}
