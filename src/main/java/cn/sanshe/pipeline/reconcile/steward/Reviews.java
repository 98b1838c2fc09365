package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.reconcile.survive.Survivorship;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doubtful duplicate pairs. Merging moves the newer master's rows to the older one (the older
 * id is the stable one) and leaves the newer as a pointer; keeping apart records the pair so it
 * is never proposed or merged again.
 */
@Service
public class Reviews {

    private final JdbcTemplate jdbc;
    private final DecisionLog log;
    private final Survivorship survivorship;

    Reviews(JdbcTemplate jdbc, DecisionLog log, Survivorship survivorship) {
        this.jdbc = jdbc;
        this.log = log;
        this.survivorship = survivorship;
    }

    public List<Map<String, Object>> open(String districtPrefix) {
        return jdbc.queryForList("""
                SELECT r.id, r.district_code, r.master_a, a.name AS name_a, r.master_b, b.name AS name_b, r.score,
                       r.evidence
                FROM org_review r JOIN org_master a ON a.id = r.master_a JOIN org_master b ON b.id = r.master_b
                WHERE r.status = 'open' AND r.district_code LIKE ? ORDER BY r.district_code, r.score DESC, r.id""",
                (districtPrefix == null ? "" : districtPrefix) + "%");
    }

    @Transactional
    public void merge(long reviewId, String who, String reason) {
        Map<String, Object> review = openReview(reviewId);
        long keep = ((Number) review.get("master_a")).longValue();
        long gone = ((Number) review.get("master_b")).longValue();
        log.record("merge", "review " + reviewId, "主记录 " + gone + " 并入 " + keep, who, reason);
        jdbc.update("UPDATE org_source SET master_id = ?, how = 'steward' WHERE master_id = ?", keep, gone);
        jdbc.update("UPDATE org_master SET merged_into = ?, dirty = FALSE WHERE id = ?", keep, gone);
        jdbc.update("UPDATE org_master SET merged_into = ? WHERE merged_into = ?", keep, gone);
        jdbc.update("UPDATE org_review SET status = 'merged', decided_at = CURRENT_TIMESTAMP(6) WHERE id = ?", reviewId);
        survivorship.recompute("org", List.of(keep));
    }

    @Transactional
    public void apart(long reviewId, String who, String reason) {
        Map<String, Object> review = openReview(reviewId);
        long a = ((Number) review.get("master_a")).longValue();
        long b = ((Number) review.get("master_b")).longValue();
        log.record("apart", "review " + reviewId, "主记录 " + a + " 与 " + b + " 不是同一组织", who, reason);
        jdbc.update("INSERT INTO master_apart (master_kind, master_a, master_b) VALUES ('org', ?, ?) "
                + "ON DUPLICATE KEY UPDATE master_a = master_a", Math.min(a, b), Math.max(a, b));
        jdbc.update("UPDATE org_review SET status = 'apart', decided_at = CURRENT_TIMESTAMP(6) WHERE id = ?", reviewId);
    }

    private Map<String, Object> openReview(long reviewId) {
        List<Map<String, Object>> found = jdbc.queryForList("SELECT * FROM org_review WHERE id = ?", reviewId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("没有编号为 " + reviewId + " 的疑似重复");
        }
        if (!"open".equals(found.get(0).get("status"))) {
            throw new IllegalStateException("疑似重复 " + reviewId + " 已处理（" + found.get(0).get("status") + "）");
        }
        return found.get(0);
    }
}
