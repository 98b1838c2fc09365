package cn.sanshe.pipeline.reconcile.link;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

/** The district's staged roster and certificate rows of sheets in force, not linked yet. */
final class UnlinkedWorkerRows {

    private UnlinkedWorkerRows() {
    }

    static JdbcCursorItemReader<WorkerSourceRow> reader(DataSource dataSource, String districtCode) {
        return Cursors.unlinked("unlinkedWorkerRows", dataSource, """
                        SELECT * FROM (
                          SELECT 'D3' AS template, c.id, c.period, c.district_code, c.name, c.id_hash, c.id_cipher,
                                 c.id_masked
                          FROM stg_d3_certificate c
                          JOIN ingest_sheet s ON s.id = c.sheet_id AND s.superseded_by IS NULL
                          LEFT JOIN worker_source o ON o.template = 'D3' AND o.stg_id = c.id
                          WHERE c.district_code = ? AND o.id IS NULL
                          UNION ALL
                          SELECT 'S3', w.id, w.period, w.district_code, w.name, w.id_hash, w.id_cipher, w.id_masked
                          FROM stg_s3_worker w
                          JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
                          LEFT JOIN worker_source o ON o.template = 'S3' AND o.stg_id = w.id
                          WHERE w.district_code = ? AND o.id IS NULL
                        ) rows_to_link
                        ORDER BY period, template, id""", districtCode,
                (rs, i) -> new WorkerSourceRow(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }
}
