package cn.sanshe.pipeline.demo.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Turns a value into the cell a clerk would leave: numbers as numbers or typed as text, with or
 * without thousands separators; dates as real date cells, bare serial numbers or text in one of
 * the forms of sources.md. CSV has no cell types, so there everything is text.
 */
final class CellRenderer {

    private final FileStyle style;
    private final Rng rng;

    CellRenderer(FileStyle style, Rng rng) {
        this.style = style;
        this.rng = rng;
    }

    Cell render(Column.Kind kind, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return Cell.EMPTY;
        }
        return switch (kind) {
            case TEXT, CODE -> Cell.text(value.toString());
            case INTEGER, DECIMAL -> number(new BigDecimal(value.toString()));
            case YEAR -> plain(((Number) value).intValue());
            case DATE -> date((LocalDate) value);
            case PERIOD -> period((YearMonth) value);
        };
    }

    /** A count with no grouping (序号, years). */
    Cell plain(int n) {
        return style.workbook() && !style.numbersAsText() ? new Cell.Num(n, null) : Cell.text(String.valueOf(n));
    }

    private Cell number(BigDecimal v) {
        boolean grouped = style.thousands() && v.abs().compareTo(BigDecimal.valueOf(1000)) >= 0;
        boolean fraction = v.stripTrailingZeros().scale() > 0;
        if (style.workbook() && !style.numbersAsText()) {
            String format = grouped ? (fraction ? "#,##0.0" : "#,##0") : null;
            return new Cell.Num(v.doubleValue(), format);
        }
        if (grouped) {
            return Cell.text(new DecimalFormat(fraction ? "#,##0.0" : "#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(v));
        }
        return Cell.text(v.stripTrailingZeros().toPlainString());
    }

    private Cell date(LocalDate d) {
        return switch (style.dateMode()) {
            case CELL -> new Cell.Day(d, style.datePattern());
            case SERIAL -> new Cell.Num(TextDates.serial(d), null);
            case TEXT -> Cell.text(TextDates.format(d, style.textForm()));
            case MIXED -> Cell.text(TextDates.format(d, rng.between(0, TextDates.FORMS - 1)));
        };
    }

    private Cell period(YearMonth m) {
        return switch (style.periodForm()) {
            case 0 -> Cell.text(m.toString());
            case 1 -> Cell.text(m.getYear() + "年" + m.getMonthValue() + "月");
            default -> new Cell.Day(m.atDay(1), "yyyy-mm");
        };
    }
}
