package cn.sanshe.pipeline.ingest.template;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header cells as clerks type them, reduced to a form that compares: {@code ＊身份证号（必填）},
 * {@code 综合服务\n设施面积(平方米)} and {@code 社区（村）代码} all arrive somehow. Brackets are
 * only dropped as a fallback, because some belong to the name ({@code 社区(村)名称}).
 */
public final class HeaderText {

    /** A trailing bracketed note or unit; after NFKC every bracket kind is folded to (). */
    private static final Pattern TRAILING_BRACKET = Pattern.compile("^(.+)\\([^()]*\\)$");

    private HeaderText() {
    }

    /**
     * NFKC (full-width to half-width), no whitespace at all (line breaks inside the cell included),
     * 【】〔〕[] folded to (), no required-mark asterisks at either end, no trailing colon.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            out.append(switch (c) {
                case '【', '〔', '[' -> '(';
                case '】', '〕', ']' -> ')';
                default -> c;
            });
        }
        String text = out.toString();
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '*') {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '*' || text.charAt(end - 1) == ':')) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * The forms to try, best first: the whole normalised text, then with one, two … trailing
     * bracketed suffixes dropped ({@code 面积(m2)} → {@code 面积}; {@code 社区(村)代码(必填)} →
     * {@code 社区(村)代码}).
     */
    public static List<String> forms(String raw) {
        List<String> forms = new ArrayList<>();
        String text = normalise(raw);
        while (!text.isEmpty()) {
            forms.add(text);
            Matcher m = TRAILING_BRACKET.matcher(text);
            if (!m.matches()) {
                break;
            }
            text = normalise(m.group(1));
        }
        return forms;
    }
}
