package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The counts and sums the snapshot queries return, per unit (the scope or a child), by column label. */
final class Figures {

    private final Map<String, Map<String, BigDecimal>> byUnit = new HashMap<>();

    void put(String unitCode, String column, BigDecimal value) {
        byUnit.computeIfAbsent(unitCode, code -> new HashMap<>()).put(column, value);
    }

    Row of(String unitCode) {
        return new Row(byUnit.getOrDefault(unitCode, Map.of()));
    }

    /** One unit's figures; a column no query returned a row for is 0 (nothing counted). */
    record Row(Map<String, BigDecimal> columns) {

        BigDecimal n(String column) {
            BigDecimal value = columns.get(column);
            return value == null ? BigDecimal.ZERO : value;
        }

        BigDecimal sum(String... names) {
            BigDecimal total = BigDecimal.ZERO;
            for (String name : names) {
                total = total.add(n(name));
            }
            return total;
        }
    }
}
