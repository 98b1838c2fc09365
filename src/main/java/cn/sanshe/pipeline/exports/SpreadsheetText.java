package cn.sanshe.pipeline.exports;

import java.util.regex.Pattern;

/**
 * Cell text a spreadsheet would take for a formula — starting with = + - @, or with a tab or a
 * carriage return that some programs strip before deciding — is written with a leading apostrophe;
 * {@link #restore(String)} takes it off again when a workbook comes back. A plain number
 * ({@code -650}, {@code +3.5}) is data, not text, and is left as it is: no spreadsheet executes it.
 */
public final class SpreadsheetText {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private SpreadsheetText() {
    }

    /** Whether a spreadsheet could take this text for a formula (or a DDE command). */
    public static boolean dangerous(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The text as a spreadsheet shows it without executing it. */
    public static String inert(String text) {
        return dangerous(text) ? "'" + text : text;
    }

    /** The text as the clerk meant it, from a cell that {@link #inert(String)} wrote. */
    public static String restore(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && dangerous(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }

    /** Any value of a row as csv text: numbers plain, dates ISO, text made inert, null empty. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return inert(value.toString());
    }
}
