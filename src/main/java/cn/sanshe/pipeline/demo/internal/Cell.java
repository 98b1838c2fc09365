package cn.sanshe.pipeline.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A cell as a clerk leaves it: typed text, a number or date with its display format, or nothing. */
sealed interface Cell {

    Cell EMPTY = new Empty();

    /** What the cell reads as in a CSV export. */
    String display();

    static Cell text(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Text(value);
    }

    record Text(String value) implements Cell {
        @Override
        public String display() {
            return value;
        }
    }

    /** @param format an Excel number format, or null for General */
    record Num(double value, String format) implements Cell {
        @Override
        public String display() {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** A real date cell: an Excel serial number shown through a date format. */
    record Day(LocalDate value, String format) implements Cell {
        @Override
        public String display() {
            return TextDates.format(value, 1);
        }
    }

    record Empty() implements Cell {
        @Override
        public String display() {
            return "";
        }
    }
}
