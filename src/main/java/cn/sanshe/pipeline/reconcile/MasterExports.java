package cn.sanshe.pipeline.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Master records and their lineage as CSV, streamed. Workers' identity numbers appear masked
 * only; their keyed hash and ciphertext never leave the database.
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
                SELECT id AS master_id, district_code, community_code, name, id_masked, gender, birth_date, education,
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
        int[] rows = {0};
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            jdbc.query(sql, rs -> {
                try {
                    ResultSetMetaData meta = rs.getMetaData();
                    if (rows[0] == 0) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            csv.print(meta.getColumnLabel(i));
                        }
                        csv.println();
                    }
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        csv.print(rs.getObject(i));
                    }
                    csv.println();
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        }
        return rows[0];
    }
}
