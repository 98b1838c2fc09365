package cn.sanshe.pipeline.reconcile.conflict;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds every conflict kind with one set-based statement each. The unique key (kind, master,
 * period, conflict key) makes a re-run add nothing it found before, and a resolved conflict stays
 * resolved. Rows of superseded sheets do not count.
 */
public class ConflictDetector implements Tasklet {

    private static final String OPEN = "INSERT INTO reconcile_conflict (kind, period, master_kind, master_id, "
            + "district_code, conflict_key, detail, status, opened_at) ";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE status = reconcile_conflict.status";

    private final JdbcTemplate jdbc;

    public ConflictDetector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int found = workerInTwoCommunities() + certificateUnderTwoIds() + activeButCancelled() + claimedNotInRegister();
        contribution.incrementWriteCount(found);
        return RepeatStatus.FINISHED;
    }

    int workerInTwoCommunities() {
        return jdbc.update(OPEN + """
                SELECT 'WORKER_TWO_COMMUNITIES', w.period, 'worker', o.master_id, MIN(w.district_code), w.period,
                       CONCAT('同一人（', MIN(m.id_masked), '）在', COUNT(DISTINCT w.community_code), '个社区的花名册上：',
                              GROUP_CONCAT(DISTINCT w.community_code ORDER BY w.community_code SEPARATOR '、')),
                       'open', CURRENT_TIMESTAMP(6)
                FROM worker_source o
                JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
                JOIN worker_master m ON m.id = o.master_id
                GROUP BY o.master_id, w.period HAVING COUNT(DISTINCT w.community_code) > 1""" + ON_DUPLICATE);
    }

    int certificateUnderTwoIds() {
        return jdbc.update(OPEN + """
                SELECT 'CERT_TWO_IDS', MAX(c.period), 'worker', MIN(c.master_id), MIN(c.district_code), c.cert_no,
                       CONCAT('证书编号', c.cert_no, '出现在', COUNT(DISTINCT c.master_id), '个身份证号下：',
                              GROUP_CONCAT(DISTINCT m.id_masked ORDER BY m.id SEPARATOR '、')),
                       'open', CURRENT_TIMESTAMP(6)
                FROM (SELECT d.cert_no, d.period, d.district_code, o.master_id
                      FROM worker_source o JOIN stg_d3_certificate d ON o.template = 'D3' AND d.id = o.stg_id
                      JOIN ingest_sheet s ON s.id = d.sheet_id AND s.superseded_by IS NULL
                      UNION ALL
                      SELECT w.cert_no, w.period, w.district_code, o.master_id
                      FROM worker_source o JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                      JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
                      WHERE w.cert_no IS NOT NULL AND w.cert_no <> '') c
                JOIN worker_master m ON m.id = c.master_id
                GROUP BY c.cert_no HAVING COUNT(DISTINCT c.master_id) > 1""" + ON_DUPLICATE);
    }

    int activeButCancelled() {
        return jdbc.update(OPEN + """
                SELECT 'ORG_ACTIVE_BUT_CANCELLED', l.period, 'org', o.master_id, l.district_code, l.period,
                       CONCAT('街道', l.unit_code, '台账仍列为活动组织，登记管理机关名录为', r.reg_status, '：', l.org_name),
                       'open', CURRENT_TIMESTAMP(6)
                FROM org_source o
                JOIN stg_s2_org_ledger l ON o.template = 'S2' AND l.id = o.stg_id
                JOIN ingest_sheet s ON s.id = l.sheet_id AND s.superseded_by IS NULL
                JOIN org_source od ON od.master_id = o.master_id AND od.template = 'D1'
                JOIN stg_d1_org_registry r ON r.id = od.stg_id
                JOIN ingest_sheet rs ON rs.id = r.sheet_id AND rs.superseded_by IS NULL
                WHERE r.reg_status IN ('注销', '撤销')
                  AND r.period = (SELECT MAX(r2.period) FROM org_source od2
                                  JOIN stg_d1_org_registry r2 ON od2.template = 'D1' AND r2.id = od2.stg_id
                                  JOIN ingest_sheet rs2 ON rs2.id = r2.sheet_id AND rs2.superseded_by IS NULL
                                  WHERE od2.master_id = o.master_id AND r2.period <= l.period)""" + ON_DUPLICATE);
    }

    int claimedNotInRegister() {
        return jdbc.update(OPEN + """
                SELECT 'CERT_NOT_IN_REGISTER', MAX(w.period), 'worker', o.master_id, MIN(w.district_code),
                       COALESCE(MAX(w.cert_no), MAX(w.cert_level)),
                       CONCAT('花名册填报', MAX(w.cert_level), COALESCE(CONCAT('（证书编号', MAX(w.cert_no), '）'), ''),
                              '，持证名录中没有：按未核实处理，不计入持证人数'),
                       'open', CURRENT_TIMESTAMP(6)
                FROM worker_source o
                JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
                WHERE ((w.cert_level IS NOT NULL AND w.cert_level <> '无') OR (w.cert_no IS NOT NULL AND w.cert_no <> ''))
                  AND NOT EXISTS (SELECT 1 FROM worker_source od WHERE od.master_id = o.master_id AND od.template = 'D3')
                GROUP BY o.master_id""" + ON_DUPLICATE);
    }
}
