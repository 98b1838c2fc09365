package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who decided what, when and why — every steward decision of the command line and the console:
 * corrections of rejected rows, merges, apart, not sure, unmerges, conflict choices. Each names the
 * code prefix it touched ({@code scope}: a street, or a district when it spans streets) so the
 * history is listed by jurisdiction, and the master it concerns, so a master's page shows its own.
 */
@Component
public class DecisionLog {

    private static final Logger logger = LoggerFactory.getLogger(DecisionLog.class);

    private final JdbcTemplate jdbc;

    DecisionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String action, String subject, String detail, String who, String reason) {
        record(action, subject, detail, who, reason, null, null, null);
    }

    public void record(String action, String subject, String detail, String who, String reason, String scope,
            String masterKind, Long masterId) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("请说明理由：每个决定都要记录原因");
        }
        jdbc.update("""
                INSERT INTO steward_decision (action, subject, detail, decided_by, reason, scope, master_kind, master_id,
                                              decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))""", action, subject, detail, who, reason, scope,
                masterKind, masterId);
        logger.info("steward decision {} on {} by {} (scope {}): {}", action, subject, who, scope,
                IdentityNumber.maskIn(detail));
    }
}
