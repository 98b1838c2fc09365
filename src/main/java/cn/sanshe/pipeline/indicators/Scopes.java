package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds a scope and its child units in the division reference. */
@Component
class Scopes {

    /** The root's name on a dashboard: it is no row of the reference. */
    static final String ROOT_NAME = "全国";

    private final JdbcTemplate jdbc;

    Scopes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The scope of a code: 12 digits, or a unit's own digits (a district's 6, a street's 9);
     * {@code 000000000000} is the root above the provinces, whose children are the provinces.
     */
    Scope resolve(String code) {
        String code12 = twelveDigits(code);
        List<Scope.Unit> found = DivisionCode.ROOT.equals(code12) ? List.of(new Scope.Unit(code12, ROOT_NAME, Level.NATION))
                : jdbc.query("SELECT code, name, level FROM division WHERE code = ?",
                        (rs, i) -> unit(rs.getString(1), rs.getString(2), rs.getString(3)), code12);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("区划代码 " + code12 + " 不在区划表中");
        }
        Scope.Unit unit = found.get(0);
        List<String> districts = unit.level().compareTo(Level.DISTRICT) >= 0 ? List.of(code12.substring(0, 6))
                : jdbc.queryForList("SELECT LEFT(code, 6) FROM division WHERE level = 'district' AND code LIKE ? "
                        + "ORDER BY code", String.class, unit.prefix() + "%");
        Level childLevel = new Scope(unit, List.of(), districts).childLevel();
        if (childLevel == null) {
            return new Scope(unit, List.of(), districts);
        }
        List<Scope.Unit> children = jdbc.query(
                "SELECT code, name, level FROM division WHERE level = ? AND code LIKE ? ORDER BY code",
                (rs, i) -> unit(rs.getString(1), rs.getString(2), rs.getString(3)), childLevel.id(),
                unit.prefix() + "%");
        return new Scope(unit, children, districts);
    }

    static String twelveDigits(String code) {
        String trimmed = code == null ? "" : code.trim();
        if (!trimmed.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}") || "00".equals(trimmed)) {
            throw new IllegalArgumentException("区划代码应为12位数字：" + code);
        }
        return (trimmed + "000000000000").substring(0, 12);
    }

    private static Scope.Unit unit(String code, String name, String level) {
        Level parsed = Level.fromId(level);
        return new Scope.Unit(code, name, parsed == null ? DivisionCode.levelOf(code) : parsed);
    }
}
