package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a target profile from {@code target_profile} and {@code profile_target}. */
@Component
class Profiles {

    private final JdbcTemplate jdbc;

    Profiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The profile's title as leaders know it (石家庄市…), or its name when it has none. */
    String title(String name) {
        List<String> titles = jdbc.queryForList("SELECT title FROM target_profile WHERE name = ?", String.class, name);
        return titles.isEmpty() || titles.get(0) == null || titles.get(0).isBlank() ? name : titles.get(0);
    }

    /** The profile of that name; {@link Profile#NONE} for null (figures without targets). */
    Profile load(String name) {
        if (name == null || name.isBlank()) {
            return Profile.NONE;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM target_profile WHERE name = ?", Integer.class, name);
        if (known == null || known == 0) {
            List<String> names = jdbc.queryForList("SELECT name FROM target_profile ORDER BY name", String.class);
            throw new IllegalArgumentException("没有名为 " + name + " 的目标方案（已有：" + String.join("、", names) + "）");
        }
        Map<String, BigDecimal> thresholds = new HashMap<>();
        List<Target> targets = new ArrayList<>();
        jdbc.query("""
                SELECT target_key, variant, comparator, value, unit FROM profile_target
                WHERE profile = ? ORDER BY target_key, variant""", rs -> {
                    String comparator = rs.getString(3);
                    if (comparator.equals("=")) {
                        thresholds.put(rs.getString(1), rs.getBigDecimal(4));
                    } else {
                        targets.add(new Target(rs.getString(1), rs.getString(2), comparator, rs.getBigDecimal(4),
                                rs.getString(5)));
                    }
                }, name);
        return new Profile(name, Map.copyOf(thresholds), List.copyOf(targets));
    }
}
