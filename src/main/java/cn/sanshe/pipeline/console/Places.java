package cn.sanshe.pipeline.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Names of divisions for people (石家庄市长安区建北街道), never bare codes. Templates call it as {@code @places}. */
@Component("places")
public class Places {

    private final JdbcTemplate jdbc;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Places(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(Jurisdiction jurisdiction) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class,
                jurisdiction.divisionCode());
        return found != null && found > 0;
    }

    public String name(Jurisdiction jurisdiction) {
        return name(jurisdiction.prefix());
    }

    /** The name of a code of 2, 4, 6, 9 or 12 digits; the code itself when the reference lacks it. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String full = code.length() >= 12 ? code.substring(0, 12) : code + "0".repeat(12 - code.length());
        if (full.equals("000000000000")) {
            return "全国";    // the root above the provinces: no row of the reference
        }
        String name = names.computeIfAbsent(full, key -> jdbc.queryForList("SELECT name FROM division WHERE code = ?",
                String.class, key).stream().findFirst().orElse(""));
        return name.isEmpty() ? code : name;
    }

    /** A 12-digit division code, or a street's 9-digit one, standing alone (not inside a longer number). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("(?<![0-9])(?:[0-9]{12}|[0-9]{9})(?![0-9])");

    /**
     * A text with every division code in it (12 digits, or a street's 9) replaced by the division's
     * name, for people. A number of that length that is no division of the reference — a phone, a
     * count — is left as it is: named piece by piece it would read as garbage.
     */
    public String withNames(String text) {
        if (text == null) {
            return "";
        }
        return CODE.matcher(text).replaceAll(found -> java.util.regex.Matcher.quoteReplacement(
                known(found.group()) ? fullName(found.group()) : found.group()));
    }

    private boolean known(String code) {
        return !name(code).equals(code);
    }

    /** A name with its parents down from the district: 长安区建北街道锦绣社区. */
    public String fullName(String code) {
        if (code == null || code.length() < 6) {
            return name(code);
        }
        StringBuilder text = new StringBuilder(name(code.substring(0, 6)));
        if (code.length() >= 9 && !code.substring(6, 9).equals("000")) {
            text.append(name(code.substring(0, 9)));
        }
        if (code.length() >= 12 && !code.substring(9, 12).equals("000")) {
            text.append(name(code));
        }
        return text.toString();
    }
}
