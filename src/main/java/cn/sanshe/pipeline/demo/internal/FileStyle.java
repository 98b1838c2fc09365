package cn.sanshe.pipeline.demo.internal;

import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one unit fills in one template: the layout mess of sources.md. Most choices are stable per
 * unit and template (a clerk keeps their copy of the form); the footer habits vary by month. The
 * choices a test must find at least once (header variants, date forms) rotate over units
 * instead of being left to chance.
 */
record FileStyle(
        FileFormat format, boolean title, boolean fillLine, boolean aliases, boolean decorated,
        boolean fullWidthBrackets, int aliasShift, boolean seq, boolean numbersAsText, boolean thousands,
        DateMode dateMode, int textForm, String datePattern, int periodForm, boolean totals, boolean blankBelow,
        boolean signature, boolean remark, Set<String> omitted, long flavour) {

    enum DateMode { CELL, SERIAL, TEXT, MIXED }

    private static final List<String> DATE_PATTERNS = List.of("yyyy-mm-dd", "yyyy/m/d", "yyyy年m月d日");

    boolean workbook() {
        return format.workbook();
    }

    /** A stable small choice for template-specific wording (e.g. 已登记 or 登记). */
    int choice(String salt, int options) {
        return Rng.of(flavour, salt).between(0, options - 1);
    }

    static FileStyle choose(long seed, int unitIndex, String unitCode, Template template, YearMonth month,
            FileFormat format) {
        Rng stable = Rng.of(seed, "style", unitCode, template);
        Rng monthly = Rng.of(seed, "style", unitCode, template, month);
        boolean workbook = format.workbook();
        int rotation = (int) Math.floorMod(seed + unitIndex + template.ordinal(), 4L);
        boolean title = stable.chance(0.7);
        boolean fillLine = stable.chance(title ? 0.7 : 0.2);
        boolean fullWidth = stable.chance(0.5);
        boolean seq = stable.chance(0.5);
        boolean numbersAsText = workbook && stable.chance(0.3);
        boolean thousands = stable.chance(0.3);
        DateMode dateMode = workbook
                ? List.of(DateMode.CELL, DateMode.SERIAL, DateMode.TEXT, DateMode.MIXED).get(stable.weighted(40, 12, 35, 13))
                : stable.chance(0.8) ? DateMode.TEXT : DateMode.MIXED;
        int textForm = (int) Math.floorMod(seed + unitIndex * 3L + template.ordinal(), (long) TextDates.FORMS);
        String datePattern = stable.pick(DATE_PATTERNS);
        int periodForm = stable.between(0, workbook ? 2 : 1);
        Set<String> omitted = new LinkedHashSet<>();
        for (String column : template.omittable()) {
            if (stable.chance(0.12)) {
                omitted.add(column);
            }
        }
        // Units sharing a header rotation are four apart; a quarter of the index gives them
        // consecutive alias shifts, so every alias of a column turns up across a handful of units.
        return new FileStyle(format, title, fillLine, rotation == 1 || rotation == 3, rotation >= 2, fullWidth,
                unitIndex / 4, seq, numbersAsText, thousands, dateMode, textForm, datePattern, periodForm,
                monthly.chance(0.45), monthly.chance(0.5), monthly.chance(0.55), monthly.chance(0.15),
                Set.copyOf(omitted), stable.nextLong());
    }
}
