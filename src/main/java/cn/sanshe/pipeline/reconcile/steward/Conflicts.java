package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.reconcile.conflict.ConflictKind;
import cn.sanshe.pipeline.reconcile.survive.Survivorship;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Listing and resolving conflicts; a chosen value becomes an override survivorship keeps. */
@Service
public class Conflicts {

    private final JdbcTemplate jdbc;
    private final DecisionLog log;
    private final Survivorship survivorship;

    Conflicts(JdbcTemplate jdbc, DecisionLog log, Survivorship survivorship) {
        this.jdbc = jdbc;
        this.log = log;
        this.survivorship = survivorship;
    }

    public List<Map<String, Object>> open(String districtPrefix) {
        return jdbc.queryForList("""
                SELECT id, kind, period, master_kind, master_id, district_code, detail FROM reconcile_conflict
                WHERE status = 'open' AND district_code LIKE ? ORDER BY district_code, kind, period, id""",
                (districtPrefix == null ? "" : districtPrefix) + "%");
    }

    @Transactional
    public void resolve(long id, String value, String who, String reason) {
        List<Map<String, Object>> found = jdbc.queryForList("SELECT * FROM reconcile_conflict WHERE id = ?", id);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("没有编号为 " + id + " 的冲突");
        }
        Map<String, Object> conflict = found.get(0);
        if (!"open".equals(conflict.get("status"))) {
            throw new IllegalStateException("冲突 " + id + " 已处理");
        }
        ConflictKind kind = ConflictKind.valueOf((String) conflict.get("kind"));
        long masterId = ((Number) conflict.get("master_id")).longValue();
        log.record("resolve", "conflict " + id, kind + " 选择“" + value + "”", who, reason);
        if (kind.field() != null) {
            jdbc.update("""
                    INSERT INTO master_override (master_kind, master_id, field, value, valid_from) VALUES (?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE value = VALUES(value), valid_from = VALUES(valid_from)""",
                    kind.masterKind(), masterId, kind.field(), value, conflict.get("period"));
            survivorship.recompute(kind.masterKind(), List.of(masterId));
        }
        jdbc.update("""
                UPDATE reconcile_conflict SET status = 'resolved', chosen_value = ?, resolved_at = CURRENT_TIMESTAMP(6)
                WHERE id = ?""", value, id);
    }
}
