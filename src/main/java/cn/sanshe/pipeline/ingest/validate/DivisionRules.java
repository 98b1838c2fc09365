package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Division codes in a row: the right shape, in the reference (codes are never guessed,
 * identifiers.md), at the right level, and inside the unit that sent the file: a street reports
 * its own communities, a district its own streets and communities.
 */
final class DivisionRules {

    private static final java.util.regex.Pattern DIGITS_9 = java.util.regex.Pattern.compile("\\d{9}");
    private static final java.util.regex.Pattern DIGITS_6 = java.util.regex.Pattern.compile("\\d{6}");
    private static final java.util.regex.Pattern STREET_12 = java.util.regex.Pattern.compile("\\d{9}000");
    private static final java.util.regex.Pattern DISTRICT_12 = java.util.regex.Pattern.compile("\\d{6}000000");
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("\\d{6}|\\d{9}");

    private DivisionRules() {
    }

    static CellCheck community(ColumnSpec column, String raw, ValidationContext context) {
        String code = Values.compact(raw);
        if (!digits(code, 12)) {
            return CellCheck.invalid(Reasons.badCodeShape(column.header(), "12位数字", raw.strip()));
        }
        List<String> problems = new ArrayList<>();
        if (!exists(context, code)) {
            problems.add(Reasons.unknownCode(column.header(), code));
        } else if (DivisionCode.levelOf(code) != DivisionCode.Level.COMMUNITY) {
            problems.add(Reasons.notLevel(column.header(), code, "社区（村）"));
        }
        outsideUnit(column, code, context, false).ifPresent(problems::add);
        return CellCheck.of(code, problems);
    }

    /** A street as 9 digits, or as 12 ending in 000; kept as 9. */
    static CellCheck street(ColumnSpec column, String raw, ValidationContext context, boolean mustBeUnit) {
        String code = Values.compact(raw);
        if (STREET_12.matcher(code).matches()) {
            code = code.substring(0, 9);
        }
        if (!DIGITS_9.matcher(code).matches()) {
            return CellCheck.invalid(Reasons.badCodeShape(column.header(), "9位数字（或以000结尾的12位数字）", raw.strip()));
        }
        List<String> problems = new ArrayList<>();
        if (code.endsWith("000")) {
            problems.add(Reasons.notLevel(column.header(), code, "街道（乡镇）"));
        } else if (!exists(context, code + "000")) {
            problems.add(Reasons.unknownCode(column.header(), code));
        }
        outsideUnit(column, code, context, mustBeUnit).ifPresent(problems::add);
        return CellCheck.of(code, problems);
    }

    /** A district as 6 digits, or as 12 ending in 000000; kept as 6. */
    static CellCheck district(ColumnSpec column, String raw, ValidationContext context) {
        String code = Values.compact(raw);
        if (DISTRICT_12.matcher(code).matches()) {
            code = code.substring(0, 6);
        }
        if (!DIGITS_6.matcher(code).matches()) {
            return CellCheck.invalid(Reasons.badCodeShape(column.header(), "6位数字", raw.strip()));
        }
        List<String> problems = new ArrayList<>();
        if (code.endsWith("00")) {
            problems.add(Reasons.notLevel(column.header(), code, "区（县）"));
        } else if (!exists(context, code + "000000")) {
            problems.add(Reasons.unknownCode(column.header(), code));
        }
        outsideUnit(column, code, context, false).ifPresent(problems::add);
        return CellCheck.of(code, problems);
    }

    /** Exactly {@code length} ASCII digits, without a pattern: asked for every code cell. */
    private static boolean digits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean exists(ValidationContext context, String code12) {
        return context.divisions().exists(code12);
    }

    /**
     * A code lies in the unit when it starts with the unit's code; a district code shorter than a
     * street unit's code lies in it the other way round. S4's street must be the sending street
     * itself, which says so in its own words.
     */
    private static Optional<String> outsideUnit(ColumnSpec column, String code, ValidationContext context,
            boolean mustBeUnit) {
        String unit = unit(context.unitCode());
        if (unit == null) {
            return Optional.empty();
        }
        boolean inside = code.length() >= unit.length() ? code.startsWith(unit) : unit.startsWith(code);
        if (inside) {
            return Optional.empty();
        }
        return Optional.of(mustBeUnit && unit.length() == code.length()
                ? Reasons.notSendingStreet(column.header(), code, unit)
                : Reasons.outsideUnit(column.header(), code, unit));
    }

    /** The sending unit as 9 or 6 digits; null when unknown (checks that need it are left out). */
    static String unit(String unitCode) {
        if (unitCode != null && (digits(unitCode, 9) || digits(unitCode, 6))) {
            return unitCode;   // the usual case, asked for every code in every row
        }
        String unit = Values.compact(unitCode);
        if (DISTRICT_12.matcher(unit).matches()) {
            return unit.substring(0, 6);
        }
        if (STREET_12.matcher(unit).matches()) {
            return unit.substring(0, 9);
        }
        return UNIT.matcher(unit).matches() ? unit : null;
    }
}
