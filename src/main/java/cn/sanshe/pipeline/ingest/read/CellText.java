package cn.sanshe.pipeline.ingest.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The one set of rules that turns a typed spreadsheet cell into the text a clerk would read, shared
 * by the .xlsx and .xls readers so the same workbook saved either way reads the same.
 */
final class CellText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /*
     * Excel keeps 15 significant digits and shows no more, but writes doubles to the file with up to
     * 17 (a typed 2.1 may be stored as 2.1000000000000001, 0.1+0.2 as 0.30000000000000004). Rounding
     * to 15 gives back what the clerk typed and saw.
     */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private CellText() {
    }

    /** A number without a date format: plain decimal, no exponent, no trailing zeros (1234.0 is "1234"). */
    static String number(BigDecimal value) {
        BigDecimal rounded = value.round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return number(BigDecimal.valueOf(value));
    }

    /**
     * A date-formatted serial number as {@code yyyy-MM-dd}, with {@code HH:mm:ss} when there is a
     * time of day; null when the number is no valid Excel date (negative), so it is shown as a number.
     */
    static String dateOrNull(double serial, boolean date1904) {
        if (!DateUtil.isValidExcelDate(serial)) {
            return null;
        }
        // roundSeconds: 43529.99999999 is 2019-03-05 23:59:59.999..., which Excel shows as the next second
        LocalDateTime when = DateUtil.getLocalDateTime(serial, date1904, true);
        if (when == null) {
            return null;
        }
        return when.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(when) : DATE_TIME.format(when);
    }

    static String bool(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /**
     * Whether a number format shows a date or time. Besides POI's own test, the built-in formats
     * 27-36 and 50-58 are the East Asian date formats (e.g. {@code yyyy"年"m"月"d"日"}): a workbook
     * saved by Chinese Excel refers to them by number only, never spelling them out, and POI does not
     * know them as dates.
     */
    static boolean isDateFormat(Integer formatId, String formatString) {
        if (formatId == null) {
            return formatString != null && DateUtil.isADateFormat(-1, formatString);
        }
        int id = formatId;
        boolean spelledOut = formatString != null && !formatString.isEmpty() && !formatString.startsWith("reserved-");
        if (!spelledOut && (id >= 27 && id <= 36 || id >= 50 && id <= 58)) {
            return true;
        }
        String format = spelledOut ? formatString : BuiltinFormats.getBuiltinFormat(id);
        return DateUtil.isADateFormat(id, format);
    }

    /**
     * Styled but empty cells at the end of a row (borders drawn to column Z in a template) are
     * layout, not content: dropped so a row is as long as its last filled cell.
     */
    static List<String> trimTrailingEmpty(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return end == cells.size() ? cells : cells.subList(0, end);
    }
}
