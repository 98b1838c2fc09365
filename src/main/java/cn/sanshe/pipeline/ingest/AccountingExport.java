package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.exports.CsvExport;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Per file and sheet: what was read, loaded, rejected and skipped (operations.md's columns, then
 * the status and a note: why a file was refused or a sheet ignored, or that it was superseded).
 * Written by the shared {@link CsvExport}: UTF-8 with a BOM, and a file named {@code =HYPERLINK(…)}
 * is text, not a formula.
 */
@Service
public class AccountingExport {

    static final String[] HEADER = {"file", "sha256", "unit", "period", "template", "sheet", "rows_read", "rows_loaded",
        "rows_rejected", "rows_skipped", "status", "note"};

    private final JdbcTemplate jdbc;

    AccountingExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the number of lines written. */
    public int write(Path out) throws IOException {
        try (CsvExport csv = CsvExport.create(out)) {
            csv.header(HEADER);
            jdbc.query("""
                    SELECT f.path, f.sha256, f.unit_code, COALESCE(s.period, f.period), s.template, s.sheet_name,
                           COALESCE(s.rows_read, 0), COALESCE(s.rows_loaded, 0), COALESCE(s.rows_rejected, 0),
                           COALESCE(s.rows_skipped, 0),
                           CASE WHEN f.status <> 'loaded' THEN f.status
                                WHEN s.superseded_by IS NOT NULL THEN 'superseded'
                                WHEN s.template IS NULL OR s.note IS NOT NULL THEN 'ignored'
                                ELSE 'loaded' END,
                           COALESCE(s.note, f.reason)
                    FROM ingest_file f LEFT JOIN ingest_sheet s ON s.file_id = f.id
                    ORDER BY f.period, f.unit_code, f.path, s.id""", (RowCallbackHandler) rs -> {
                    Object[] values = new Object[HEADER.length];
                    for (int i = 1; i <= HEADER.length; i++) {
                        values[i - 1] = rs.getObject(i);
                    }
                    csv.row(values);
                });
            return csv.rows();
        }
    }
}
