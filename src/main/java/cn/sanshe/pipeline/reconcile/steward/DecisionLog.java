package cn.sanshe.pipeline.reconcile.steward;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who decided what, when and why. */
@Component
class DecisionLog {

    private final JdbcTemplate jdbc;

    DecisionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String action, String subject, String detail, String who, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("请用 --reason 说明理由：每个决定都要记录原因");
        }
        jdbc.update("""
                INSERT INTO steward_decision (action, subject, detail, decided_by, reason, decided_at)
                VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))""", action, subject, detail, who, reason);
    }
}
