package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/** Everything a template sheet needs besides its entities: who fills it in, when, and how. */
record SheetContext(Template template, String sheetName, String unitName, String fillingUnit, YearMonth month,
        FileStyle style, Rng rng, Mistakes mistakes, LocalDate filledOn, String filler, String reviewer) {

    String orElse(Mistakes.Kind kind, String key, String value) {
        String wrong = mistakes.replacement(kind, key);
        return wrong != null ? wrong : value;
    }
}
