package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Every decision of the jurisdiction — who, when, what, why — newest first, filterable. */
@Service
public class DecisionHistory {

    public static final int PAGE_SIZE = 50;

    private final JdbcTemplate jdbc;

    DecisionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> page(Jurisdiction jurisdiction, String action, String who, String from, String to,
            int page) {
        StringBuilder where = new StringBuilder("scope LIKE ?");
        List<Object> args = new ArrayList<>(List.of(jurisdiction.like()));
        if (action != null && !action.isBlank()) {
            where.append(" AND action = ?");
            args.add(action);
        }
        if (who != null && !who.isBlank()) {
            where.append(" AND decided_by = ?");
            args.add(who.strip());
        }
        if (from != null && from.matches("\\d{4}-\\d{2}-\\d{2}")) {
            where.append(" AND decided_at >= ?");
            args.add(from);
        }
        if (to != null && to.matches("\\d{4}-\\d{2}-\\d{2}")) {
            where.append(" AND decided_at < DATE_ADD(?, INTERVAL 1 DAY)");
            args.add(to);
        }
        args.add(PAGE_SIZE);
        args.add(Math.max(page, 0) * PAGE_SIZE);
        return jdbc.queryForList("""
                SELECT id, action, subject, detail, decided_by, reason, scope, master_kind, master_id, decided_at
                FROM steward_decision WHERE %s ORDER BY decided_at DESC, id DESC LIMIT ? OFFSET ?""".formatted(where),
                args.toArray());
    }
}
