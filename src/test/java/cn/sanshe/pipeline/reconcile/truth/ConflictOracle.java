package cn.sanshe.pipeline.reconcile.truth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The conflicts as whole-table SQL finds them over every linked row in force — how reconcile found
 * them before survivorship learnt to (it reads each master's rows anyway). Slow at scale, plain to
 * read: the reference the per-master rules are held to. Each conflict as "kind|master|period|key|district".
 */
public final class ConflictOracle {

    private ConflictOracle() {
    }

    public static Set<String> expected(JdbcTemplate jdbc) {
        Set<String> all = new TreeSet<>();
        all.addAll(jdbc.queryForList("""
                SELECT CONCAT_WS('|', 'WORKER_TWO_COMMUNITIES', o.master_id, w.period, w.period, MIN(w.district_code))
                FROM worker_source o
                JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
                GROUP BY o.master_id, w.period HAVING COUNT(DISTINCT w.community_code) > 1""", String.class));
        all.addAll(jdbc.queryForList("""
                SELECT CONCAT_WS('|', 'CERT_TWO_IDS', MIN(c.master_id), MAX(c.period), TRIM(c.cert_no), MIN(c.district_code))
                FROM (SELECT d.cert_no, d.period, d.district_code, o.master_id
                      FROM worker_source o JOIN stg_d3_certificate d ON o.template = 'D3' AND d.id = o.stg_id
                      JOIN ingest_sheet s ON s.id = d.sheet_id AND s.superseded_by IS NULL
                      UNION ALL
                      SELECT w.cert_no, w.period, w.district_code, o.master_id
                      FROM worker_source o JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                      JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL) c
                WHERE c.cert_no IS NOT NULL AND TRIM(c.cert_no) <> ''
                GROUP BY TRIM(c.cert_no) HAVING COUNT(DISTINCT c.master_id) > 1""", String.class));
        all.addAll(jdbc.queryForList("""
                SELECT DISTINCT CONCAT_WS('|', 'ORG_ACTIVE_BUT_CANCELLED', o.master_id, l.period, l.period, l.district_code)
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
                                  WHERE od2.master_id = o.master_id AND r2.period <= l.period)""", String.class));
        all.addAll(jdbc.queryForList("""
                SELECT CONCAT_WS('|', 'CERT_NOT_IN_REGISTER', o.master_id, MAX(w.period),
                                 COALESCE(MAX(NULLIF(TRIM(w.cert_no), '')), MAX(NULLIF(w.cert_level, '无'))),
                                 MIN(w.district_code))
                FROM worker_source o
                JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
                WHERE ((w.cert_level IS NOT NULL AND w.cert_level <> '无') OR (w.cert_no IS NOT NULL AND w.cert_no <> ''))
                  AND NOT EXISTS (SELECT 1 FROM worker_source od
                                  JOIN stg_d3_certificate d ON d.id = od.stg_id
                                  JOIN ingest_sheet ds ON ds.id = d.sheet_id AND ds.superseded_by IS NULL
                                  WHERE od.master_id = o.master_id AND od.template = 'D3')
                GROUP BY o.master_id""", String.class));
        return all;
    }

    /** What reconcile opened, in the same form. */
    public static Set<String> opened(JdbcTemplate jdbc) {
        return new TreeSet<>(jdbc.queryForList("""
                SELECT CONCAT_WS('|', kind, master_id, period, conflict_key, district_code) FROM reconcile_conflict""",
                String.class));
    }

    /** Details of one kind, for the kinds whose wording does not depend on which of two rows came first. */
    public static List<String> details(JdbcTemplate jdbc, String kind) {
        return jdbc.queryForList("SELECT detail FROM reconcile_conflict WHERE kind = ? ORDER BY master_id, period",
                String.class, kind);
    }
}
