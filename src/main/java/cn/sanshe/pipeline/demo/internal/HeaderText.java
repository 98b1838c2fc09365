package cn.sanshe.pipeline.demo.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Header cells as units type them: an alias instead of the canonical name, full-width brackets,
 * a required mark (*姓名, 身份证号（必填）), a unit suffix on areas, a line break in a long cell.
 */
final class HeaderText {

    private HeaderText() {
    }

    static <T> List<String> of(List<Column<T>> columns, FileStyle style) {
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            bases.add(base(columns.get(i), i, style));
        }
        int longest = -1;
        for (int i = 0; i < bases.size(); i++) {
            if (breakable(bases.get(i)) && (longest < 0 || bases.get(i).length() > bases.get(longest).length())) {
                longest = i;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String text = bases.get(i);
            if (style.decorated()) {
                boolean breakHere = i == longest || (breakable(text) && text.length() >= 6 && style.choice("break" + i, 3) == 0);
                text = decorate(columns.get(i), breakHere ? text.substring(0, text.length() / 2) + "\n"
                        + text.substring(text.length() / 2) : text, style);
            }
            out.add(text);
        }
        return out;
    }

    private static String base(Column<?> column, int index, FileStyle style) {
        String text = column.name();
        if (style.aliases() && !column.aliases().isEmpty()) {
            int k = Math.floorMod(style.aliasShift() + index, column.aliases().size() + 1);
            if (k > 0) {
                text = column.aliases().get(k - 1);
            }
        }
        return style.fullWidthBrackets() ? text.replace('(', '（').replace(')', '）') : text;
    }

    private static String decorate(Column<?> column, String text, FileStyle style) {
        String flat = text.replace("\n", "");
        if (column.kind() == Column.Kind.DECIMAL && flat.contains("面积") && !flat.contains("㎡")) {
            return text + (style.choice("area-unit", 2) == 0 ? "（㎡）" : "(平方米)");
        }
        if (column.required() && !flat.endsWith("）") && !flat.endsWith(")")) {
            return flat.length() <= 2 ? "*" + text : text + "（必填）";
        }
        return text;
    }

    private static boolean breakable(String text) {
        return text.length() >= 4 && text.chars().noneMatch(c -> c == '(' || c == '（' || c == '/');
    }
}
