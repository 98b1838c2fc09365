package cn.sanshe.pipeline.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A profile's title as leaders know it and the comparator of each of its targets, for printing. */
@Component
class TargetProfiles {

    private final JdbcTemplate jdbc;

    TargetProfiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String title(String profile) {
        if (profile == null) {
            return null;
        }
        List<String> titles = jdbc.queryForList("SELECT title FROM target_profile WHERE name = ?", String.class,
                profile);
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("没有名为 " + profile + " 的目标口径");
        }
        return titles.get(0);
    }

    Map<String, String> comparators(String profile) {
        Map<String, String> comparators = new HashMap<>();
        if (profile != null) {
            jdbc.query("SELECT target_key, comparator FROM profile_target WHERE profile = ?",
                    rs -> { comparators.put(rs.getString(1), rs.getString(2)); }, profile);
        }
        return comparators;
    }
}
