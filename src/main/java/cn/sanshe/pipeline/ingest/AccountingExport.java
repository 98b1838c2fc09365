package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.exports.CsvExport;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Per file and sheet: what was read, loaded, rejected and skipped (operations.md's columns, then
 * the status and a note: why a file was refused or a sheet ignored, where the title or the drop
 * folder named another month than the one the rows were filed under, that a sheet's rows carried
 * several months), and which source gave the period (统计月份列, 标题, 文件夹, 命令). A sheet whose
 * rows carry two months has a line per month.
 * Written by the shared {@link CsvExport}: UTF-8 with a BOM, and a file named {@code =HYPERLINK(…)}
 * is text, not a formula.
 */
@Service
public class AccountingExport {

    static final String[] HEADER = {"file", "sha256", "unit", "period", "template", "sheet", "rows_read", "rows_loaded",
        "rows_rejected", "rows_skipped", "status", "note", "period_source"};

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
                           NULLIF(CONCAT_WS('；', COALESCE(s.note, f.reason), s.period_note,
                               CASE WHEN COUNT(s.id) OVER (PARTITION BY s.file_id, s.sheet_name) > 1
                                    THEN CONCAT('该表含多个统计月份的行，按月份分开记账，此为', s.period, '部分') END), ''),
                           s.period_source
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
