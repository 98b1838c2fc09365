package cn.sanshe.pipeline.identifiers;

/**
 * 12-digit statistical division code: province (2) city (2) district (2) street (3) community (3).
 * The level a code stands for is read from its trailing zeros; a street may be written with 9
 * digits or with 12 ending in 000. Twelve zeros name the root above the provinces (the whole
 * reference, 全国): a scope figures can be computed for, never a row of the reference itself.
 */
public final class DivisionCode {

    public enum Level {
        NATION, PROVINCE, CITY, DISTRICT, STREET, COMMUNITY;

        public String id() {
            return name().toLowerCase();
        }

        public static Level fromId(String id) {
            for (Level level : values()) {
                if (level.id().equals(id)) {
                    return level;
                }
            }
            return null;
        }
    }

    private DivisionCode() {
    }

    /** The root of the division tree: every province hangs from it. */
    public static final String ROOT = "000000000000";

    public static boolean isTwelveDigits(String code) {
        return code != null && code.length() == 12 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The level the code's shape says it has (trailing zero groups), for a 12-digit code. */
    public static Level levelOf(String code12) {
        if (!code12.endsWith("000")) {
            return Level.COMMUNITY;
        }
        if (!code12.endsWith("000000")) {
            return Level.STREET;
        }
        if (!code12.endsWith("00000000")) {
            return Level.DISTRICT;
        }
        if (!code12.endsWith("0000000000")) {
            return Level.CITY;
        }
        return ROOT.equals(code12) ? Level.NATION : Level.PROVINCE;
    }

    /** The 12-digit code of the unit directly above, by the code's structure; null for a province. */
    public static String structuralParent(String code12) {
        return switch (levelOf(code12)) {
            case COMMUNITY -> code12.substring(0, 9) + "000";
            case STREET -> code12.substring(0, 6) + "000000";
            case DISTRICT -> code12.substring(0, 4) + "00000000";
            case CITY -> code12.substring(0, 2) + "0000000000";
            case PROVINCE, NATION -> null;
        };
    }

    /** A street written as 9 digits or as 12 ending in 000, as 12 digits; anything else unchanged. */
    public static String streetTo12(String code) {
        return code != null && code.length() == 9 ? code + "000" : code;
    }

    public static String district6(String code12) {
        return code12.substring(0, 6);
    }
}
