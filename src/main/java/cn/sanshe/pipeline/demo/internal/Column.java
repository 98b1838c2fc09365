package cn.sanshe.pipeline.demo.internal;

import java.util.List;
import java.util.function.Function;

/**
 * A template column: its canonical header, the aliases of sources.md, and how to get the value
 * from an entity. Values are Strings, numbers, LocalDate, YearMonth or null; how they are typed
 * into a cell is the file style's business.
 */
record Column<T>(String name, boolean required, List<String> aliases, Kind kind, boolean summed,
        Function<T, ?> value) {

    enum Kind { TEXT, CODE, INTEGER, DECIMAL, YEAR, DATE, PERIOD }

    Column<T> asSummed() {
        return new Column<>(name, required, aliases, kind, true, value);
    }
}
