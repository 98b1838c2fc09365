package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.exports.CsvExport;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Master records and their lineage as CSV, streamed, through the shared {@link CsvExport}.
 * Workers' identity numbers appear masked only (their keyed hash and ciphertext never leave the
 * database), and never beside the digits the mask hides: the birth date is exported as the birth
 * year alone, so a masked number and its row cannot be put back together.
 */
@Service
public class MasterExports {

    private final JdbcTemplate jdbc;

    MasterExports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int masters(String kind, Path out) throws IOException {
        return write(out, kind.equals("org") ? """
                SELECT id AS master_id, district_code, community_code, name, credit_code, reg_status, org_type,
                       registered_on, registry_status, legal_rep, person_in_charge, phone, service_domain, rating,
                       is_sw_agency, founded_on, first_period, last_period
                FROM org_master WHERE merged_into IS NULL ORDER BY id""" : """
                SELECT id AS master_id, district_code, community_code, name, id_masked, gender, YEAR(birth_date) AS birth_year, education,
                       political_status, post, is_committee, is_sw_post, cert_level, cert_no, cert_verified,
                       claimed_cert_level, claimed_cert_no, hired_on, on_roster, first_period, last_period
                FROM worker_master ORDER BY id""");
    }

    /** {@code master_id,file,sheet,row}: which source rows (row as a spreadsheet user sees it) made each master. */
    public int lineage(String kind, Path out) throws IOException {
        return write(out, kind.equals("org") ? """
                SELECT COALESCE(m.merged_into, o.master_id) AS master_id, f.path AS file, s.sheet_name AS sheet,
                       t.row_no AS `row`
                FROM org_source o JOIN org_master m ON m.id = o.master_id
                JOIN (SELECT 'S2' AS template, id, sheet_id, row_no FROM stg_s2_org_ledger
                      UNION ALL SELECT 'D1', id, sheet_id, row_no FROM stg_d1_org_registry) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                ORDER BY 1, f.path, s.sheet_name, t.row_no""" : """
                SELECT o.master_id, f.path AS file, s.sheet_name AS sheet, t.row_no AS `row`
                FROM worker_source o
                JOIN (SELECT 'S3' AS template, id, sheet_id, row_no FROM stg_s3_worker
                      UNION ALL SELECT 'D3', id, sheet_id, row_no FROM stg_d3_certificate) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                ORDER BY 1, f.path, s.sheet_name, t.row_no""");
    }

    private int write(Path out, String sql) throws IOException {
        try (CsvExport csv = CsvExport.create(out)) {
            jdbc.query(sql, (RowCallbackHandler) csv::resultRow);
            return csv.rows();
        }
    }
}
