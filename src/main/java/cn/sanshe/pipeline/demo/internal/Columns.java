package cn.sanshe.pipeline.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Fluent list of columns; the builder's type parameter gives the lambdas their entity type. */
final class Columns<T> {

    private final List<Column<T>> list = new ArrayList<>();

    Columns<T> required(String name, Column.Kind kind, Function<T, ?> value, String... aliases) {
        list.add(new Column<>(name, true, List.of(aliases), kind, false, value));
        return this;
    }

    Columns<T> optional(String name, Column.Kind kind, Function<T, ?> value, String... aliases) {
        list.add(new Column<>(name, false, List.of(aliases), kind, false, value));
        return this;
    }

    /** The column just added is added up in the 合计 row. */
    Columns<T> summed() {
        list.set(list.size() - 1, list.get(list.size() - 1).asSummed());
        return this;
    }

    List<Column<T>> list() {
        return List.copyOf(list);
    }
}
