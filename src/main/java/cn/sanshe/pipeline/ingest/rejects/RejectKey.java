package cn.sanshe.pipeline.ingest.rejects;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rejected row's place in the list, the order of the index {@code ingest_reject_console}: unit,
 * template, month (none first), id. Written into the address as {@code 130102001_S3_2026-10_1234}
 * so a page can be bookmarked; read back strictly, and only ever compared with, never used to load
 * a row.
 */
record RejectKey(String unit, String template, String period, long id) {

    private static final Pattern TEXT = Pattern.compile("(\\d{2,9})_([SD][1-4])_(\\d{4}-\\d{2})?_(\\d{1,18})");

    static RejectKey parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("翻页位置无效，请从第一页开始");
        }
        return new RejectKey(matcher.group(1), matcher.group(2), matcher.group(3), Long.parseLong(matcher.group(4)));
    }

    @Override
    public String toString() {
        return unit + "_" + template + "_" + (period == null ? "" : period) + "_" + id;
    }

    /**
     * The rows of {@code r} after (or before) this key in the list's order, spelt out column by
     * column so the range optimizer reads them from the index starting at the key.
     */
    String seek(boolean after, List<Object> args) {
        String beyond = after ? ">" : "<";
        String periodPart;
        if (period == null) {
            // No month sorts first: after it come all rows with a month, before it none.
            periodPart = after ? "r.period IS NOT NULL OR (r.period IS NULL AND r.id > ?)" : "r.period IS NULL AND r.id < ?";
        } else {
            periodPart = after ? "r.period > ? OR (r.period = ? AND r.id > ?)"
                    : "r.period < ? OR r.period IS NULL OR (r.period = ? AND r.id < ?)";
        }
        args.add(unit);
        args.add(unit);
        args.add(unit);
        args.add(template);
        args.add(template);
        if (period != null) {
            args.add(period);
            args.add(period);
        }
        args.add(id);
        return "r.unit_code " + beyond + "= ? AND (r.unit_code " + beyond + " ? OR (r.unit_code = ? AND (r.template "
                + beyond + " ? OR (r.template = ? AND (" + periodPart + ")))))";
    }
}
