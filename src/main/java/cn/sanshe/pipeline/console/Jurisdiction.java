package cn.sanshe.pipeline.console;

import java.util.Collection;

/**
 * Where a user may look and act, as the code prefix every record of it starts with: a province
 * (2 digits), a city (4), a district (6) or a street (9). Every query that lists or loads records
 * takes one; a record outside it is answered as if it did not exist.
 */
public record Jurisdiction(String prefix) {

    public Jurisdiction {
        if (prefix == null || !prefix.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("管辖范围应为省（2位）、市（4位）、区县（6位）或街道（9位）代码，实为“" + prefix + "”");
        }
    }

    /**
     * Accepts the short forms and the 12-digit statistical codes (130102000000 is the district
     * 130102, 130102001000 the street 130102001).
     */
    public static Jurisdiction of(String code) {
        String text = code == null ? "" : code.strip();
        if (text.matches("\\d{12}")) {
            if (text.endsWith("0000000000")) {
                text = text.substring(0, 2);
            } else if (text.endsWith("00000000")) {
                text = text.substring(0, 4);
            } else if (text.endsWith("000000")) {
                text = text.substring(0, 6);
            } else if (text.endsWith("000")) {
                text = text.substring(0, 9);
            }
        }
        return new Jurisdiction(text);
    }

    /** The 12-digit division code of the jurisdiction itself, to find its name. */
    public String divisionCode() {
        return prefix + "0".repeat(12 - prefix.length());
    }

    public boolean isStreet() {
        return prefix.length() == 9;
    }

    /** The SQL {@code LIKE} pattern of every code inside. */
    public String like() {
        return prefix + "%";
    }

    /** Whether a record whose code (unit, community, scope) is given lies inside. */
    public boolean covers(String code) {
        return code != null && code.startsWith(prefix);
    }

    /** Whether any of the codes lies inside: a record spanning them is at least visible. */
    public boolean touches(Collection<String> codes) {
        return codes.stream().anyMatch(this::covers);
    }

    /** The district the jurisdiction lies in, or null for a city or province. */
    public String district() {
        return prefix.length() >= 6 ? prefix.substring(0, 6) : null;
    }
}
