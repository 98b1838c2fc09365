package cn.sanshe.pipeline.ingest.rejects;

/**
 * Cell text a spreadsheet would take for a formula (= + - @, and tab or CR that some programs
 * treat alike) is written with a leading apostrophe, and the apostrophe is taken off again when
 * the workbook comes back — so an export never carries something Excel would execute.
 */
final class SafeCell {

    private SafeCell() {
    }

    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    static String restore(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'') {
            char next = text.charAt(1);
            if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
                return text.substring(1);
            }
        }
        return text;
    }
}
