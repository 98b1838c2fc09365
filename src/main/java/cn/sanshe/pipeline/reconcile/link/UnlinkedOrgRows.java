package cn.sanshe.pipeline.reconcile.link;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

/**
 * The district's staged organization rows of sheets still in force and not linked yet, the
 * registry's before the street ledger's within a month (its names and codes are authoritative),
 * then in staging order — the same order on every run, so the same data gives the same masters.
 */
final class UnlinkedOrgRows {

    private UnlinkedOrgRows() {
    }

    static JdbcCursorItemReader<OrgSourceRow> reader(DataSource dataSource, String districtCode) {
        return Cursors.unlinked("unlinkedOrgRows", dataSource, """
                        SELECT * FROM (
                          SELECT 'D1' AS template, d.id, d.period, d.district_code, d.unit_code, d.org_name,
                                 d.community_code, d.credit_code, '已登记' AS reg_status, d.legal_rep AS person,
                                 NULL AS phone
                          FROM stg_d1_org_registry d
                          JOIN ingest_sheet s ON s.id = d.sheet_id AND s.superseded_by IS NULL
                          LEFT JOIN org_source o ON o.template = 'D1' AND o.stg_id = d.id
                          WHERE d.district_code = ? AND o.id IS NULL
                          UNION ALL
                          SELECT 'S2', l.id, l.period, l.district_code, l.unit_code, l.org_name, l.community_code,
                                 l.credit_code, l.reg_status, l.person_in_charge, l.phone
                          FROM stg_s2_org_ledger l
                          JOIN ingest_sheet s ON s.id = l.sheet_id AND s.superseded_by IS NULL
                          LEFT JOIN org_source o ON o.template = 'S2' AND o.stg_id = l.id
                          WHERE l.district_code = ? AND o.id IS NULL
                        ) rows_to_link
                        ORDER BY period, template, id""", districtCode,
                (rs, i) -> new OrgSourceRow(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11)));
    }
}
