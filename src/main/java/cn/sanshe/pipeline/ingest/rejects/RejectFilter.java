package cn.sanshe.pipeline.ingest.rejects;

/**
 * What a steward narrows the open rejects to: a unit (street or district code prefix), a month,
 * a template, words of the reason; and the page. Blank means any.
 */
public record RejectFilter(String unit, String period, String template, String reason, int page) {

    public static final int PAGE_SIZE = 50;

    public RejectFilter {
        unit = blankToNull(unit);
        period = blankToNull(period);
        template = blankToNull(template);
        reason = blankToNull(reason);
        page = Math.max(page, 0);
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

    public static RejectFilter all() {
        return new RejectFilter(null, null, null, null, 0);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
