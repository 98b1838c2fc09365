package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.util.List;
import java.util.Optional;

/**
 * Rows below the data that are not data (sources.md): blank rows, 合计 / 总计 / 小计 rows and
 * signature lines. They are skipped and counted, never rejected, so a clerk is not asked to "fix"
 * a signature.
 */
final class RowSkips {

    private static final List<String> TOTAL_WORDS = List.of("合计", "总计", "小计");
    /**
     * Labels that open a signature or note line. Only the label form counts ({@code 负责人：王芳}):
     * a 负责人 column holding a name is data.
     */
    private static final List<String> SIGNATURE_LABELS = List.of("填表人", "审核人", "负责人", "备注", "填报人", "制表人",
            "填报日期", "填表日期", "审核日期", "联系电话", "联系人", "注", "说明");

    private RowSkips() {
    }

    static Optional<String> reason(SheetRow row) {
        if (row.isBlank()) {
            return Optional.of(Reasons.BLANK_ROW);
        }
        // Plain loops: this runs for every row, and most rows are data.
        String first = null;
        for (String cell : row.cells()) {
            if (plainlyNoMark(cell, first == null)) {
                if (first == null && !cell.isBlank()) {
                    first = cell;   // not a signature label: it has no colon
                }
                continue;
            }
            String compact = Values.compact(cell);
            for (String word : TOTAL_WORDS) {
                if (compact.startsWith(word)) {
                    return Optional.of(Reasons.TOTAL_ROW);
                }
            }
            if (first == null && !compact.isEmpty()) {
                first = compact;
            }
        }
        // NFKC has already turned a full-width ： into :.
        if (first != null && first.indexOf(':') > 0) {
            for (String label : SIGNATURE_LABELS) {
                if (first.length() > label.length() && first.startsWith(label) && first.charAt(label.length()) == ':') {
                    return Optional.of(Reasons.SIGNATURE_ROW);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a cell can be passed over without its compact form: it holds only ASCII and basic CJK
     * characters (which NFKC keeps, so compact only drops whitespace), its first other character
     * opens no 合计 / 总计 / 小计, and — when it may be the row's first non-empty cell — it has no
     * colon. Most cells of most rows are such; a row's every cell was compacted before.
     */
    static boolean plainlyNoMark(String cell, boolean mayBeFirst) {
        if (!Values.isNfkcStable(cell)) {
            return false;
        }
        int i = 0;
        while (i < cell.length() && cell.charAt(i) <= ' ' && Character.isWhitespace(cell.charAt(i))) {
            i++;
        }
        if (i < cell.length()) {
            char c = cell.charAt(i);
            if (c == '合' || c == '总' || c == '小') {
                return false;
            }
        }
        return !mayBeFirst || cell.indexOf(':') < 0;
    }
}
