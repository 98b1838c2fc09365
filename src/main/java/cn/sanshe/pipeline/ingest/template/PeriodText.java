package cn.sanshe.pipeline.ingest.template;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting period a sheet's title names ({@code XX街道社区社会组织台账（2026年10月）}), the
 * second place sources.md looks for it after the row's own 统计月份. Only month-precision mentions
 * count: the 填报日期 beside the title is the day the form was filled, usually the month after.
 */
public final class PeriodText {

    /** 2026年10月, not followed by a day (2026年11月3日 is a filling date). */
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(?!\\d{1,2}[日号])");
    /** 2026-10, 2026.10, 2026/10, not part of a full date or a longer number. */
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.\\-/])(\\d{4})[-./](\\d{1,2})(?![\\d.\\-/])");
    /** A labelled filling or printing date, whatever its form. */
    private static final Pattern LABELLED_DATE = Pattern.compile("(填报|填表|报送|制表|打印|审核)(日期|时间):?\\s*\\S*");

    private PeriodText() {
    }

    /** The one period the rows name; empty when they name none, or more than one. */
    public static Optional<YearMonth> fromTitle(List<SheetRow> rowsAboveHeader) {
        Set<YearMonth> found = new LinkedHashSet<>();
        for (SheetRow row : rowsAboveHeader) {
            for (String cell : row.cells()) {
                String text = LABELLED_DATE.matcher(clean(cell)).replaceAll(" ");
                collect(CHINESE.matcher(text), found);
                collect(NUMERIC.matcher(text), found);
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static void collect(Matcher m, Set<YearMonth> found) {
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (year >= 1990 && year <= 2100) {
                try {
                    found.add(YearMonth.of(year, month));
                } catch (DateTimeException e) {
                    // 2026年13月 names no period; ignoring it leaves the decision to the others.
                }
            }
        }
    }

    /** Full-width to half-width; spaces inside 2026 年 10 月 dropped, between cells kept apart. */
    private static String clean(String cell) {
        String folded = Normalizer.normalize(cell, Normalizer.Form.NFKC);
        return folded.replaceAll("(?<=[\\d年月])\\s+(?=[\\d年月日号])", "").replaceAll("\\s+", " ");
    }
}
