package cn.sanshe.pipeline.ingest.read;

import cn.sanshe.pipeline.ingest.read.XlsxCapture.NotPlain;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each captured cell's text, as {@link XlsxReader} makes it from fastexcel's cell: a shared string's
 * text, an inline string, TRUE / FALSE, an error or a formula's text result as written, a number
 * plainly or, in a date format, as the date. What fastexcel would fail on is not plain.
 */
final class XlsxCellTexts {

    private final XlsxPackageParts.Styles styles;
    private final List<String> shared;
    private final boolean date1904;
    /** Whether each cell style shows a date, worked out once per style. */
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    XlsxCellTexts(XlsxPackageParts.Styles styles, List<String> shared, boolean date1904) {
        this.styles = styles;
        this.shared = shared;
        this.date1904 = date1904;
    }

    /** A row's cells at their columns, gaps empty, empty cells at the end dropped. */
    List<String> row(List<XlsxSheetCapture.RawCell> cells) throws NotPlain {
        int width = 0;
        for (XlsxSheetCapture.RawCell cell : cells) {
            width = Math.max(width, cell.column() + 1);
        }
        String[] texts = new String[width];
        Arrays.fill(texts, "");
        for (XlsxSheetCapture.RawCell cell : cells) {
            texts[cell.column()] = text(cell); // a column written twice: the later cell, as in fastexcel
        }
        return CellText.trimTrailingEmpty(Arrays.asList(texts));
    }

    private String text(XlsxSheetCapture.RawCell cell) throws NotPlain {
        String value = cell.value();
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (cell.type()) {
            case 's' -> sharedString(value);
            case 'i', 'e', 'f' -> value;
            case 'b' -> switch (value) {
                case "0" -> CellText.bool(false);
                case "1" -> CellText.bool(true);
                default -> throw new NotPlain(); // fastexcel fails on it
            };
            default -> number(value, cell.style());
        };
    }

    private String sharedString(String index) throws NotPlain {
        if (!XlsxCapture.digits(index) || index.length() > 9) {
            throw new NotPlain();
        }
        int at = Integer.parseInt(index);
        if (at >= shared.size()) {
            throw new NotPlain();
        }
        return shared.get(at);
    }

    private String number(String text, int style) throws NotPlain {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new NotPlain(); // fastexcel fails on it
        }
        if (isDate(style)) {
            String date = CellText.dateOrNull(number.doubleValue(), date1904);
            if (date != null) {
                return date;
            }
        }
        return CellText.number(number);
    }

    private boolean isDate(int style) {
        return dateStyles.computeIfAbsent(style, s -> {
            String id = styles.formatId(s);
            Integer number;
            try {
                number = id == null ? null : Integer.valueOf(id);
            } catch (NumberFormatException e) {
                number = null; // as XlsxReader takes a format id that is no number
            }
            return CellText.isDateFormat(number, styles.format(id));
        });
    }
}
