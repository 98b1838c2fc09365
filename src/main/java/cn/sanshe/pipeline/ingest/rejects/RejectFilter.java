package cn.sanshe.pipeline.ingest.rejects;

import java.util.List;

/**
 * What a steward narrows the open rejects to: a unit (street or district code prefix), a month,
 * a template, words of the reason. Blank means any. (Where a page starts is a
 * {@link cn.sanshe.pipeline.console.Keyset}.)
 */
public record RejectFilter(String unit, String period, String template, String reason) {

    public static final int PAGE_SIZE = 50;

    public RejectFilter {
        unit = blankToNull(unit);
        period = blankToNull(period);
        template = blankToNull(template);
        reason = blankToNull(reason);
        if (unit != null && !unit.matches("\\d{2,12}")) {
            throw new IllegalArgumentException("单位应为数字代码");
        }
        if (period != null && !period.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("月份应写作 yyyy-MM");
        }
        if (template != null && !template.matches("[SD][1-4]")) {
            throw new IllegalArgumentException("没有这个模板：" + template);
        }
    }

    /**
     * The open rejects {@code r} under the code prefix (a jurisdiction's; empty: all) that the
     * filter keeps, as SQL with its arguments added to {@code args}.
     */
    String where(String prefix, List<Object> args) {
        StringBuilder where = new StringBuilder("r.status = 'open' AND ").append(within("r", prefix, args));
        if (reason != null) {
            where.append(" AND r.reasons LIKE ?");
            args.add("%" + reason.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    /** The prefix and the filter's unit, month and template, on the columns of {@code alias}. */
    String within(String alias, String prefix, List<Object> args) {
        StringBuilder where = new StringBuilder(alias + ".unit_code LIKE ?");
        args.add(prefix + "%");
        if (unit != null) {
            where.append(" AND ").append(alias).append(".unit_code LIKE ?");
            args.add(unit + "%");
        }
        if (period != null) {
            where.append(" AND ").append(alias).append(".period = ?");
            args.add(period);
        }
        if (template != null) {
            where.append(" AND ").append(alias).append(".template = ?");
            args.add(template);
        }
        return where.toString();
    }

    public static RejectFilter all() {
        return new RejectFilter(null, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
