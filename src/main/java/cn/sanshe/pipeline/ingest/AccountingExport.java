package cn.sanshe.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Per file and sheet: what was read, loaded, rejected and skipped (operations.md's columns, then
 * the status and a note: why a file was refused or a sheet ignored, where the title or the drop
 * folder named another month than the one the rows were filed under, that a sheet's rows carried
 * several months), and which source gave the period (统计月份列, 标题, 文件夹, 命令). A sheet whose
 * rows carry two months has a line per month.
 * UTF-8 with a BOM so that Excel opens the Chinese right.
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
        int[] lines = {0};
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
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
                    ORDER BY f.period, f.unit_code, f.path, s.id""", rs -> {
                    try {
                        for (int i = 1; i <= HEADER.length; i++) {
                            csv.print(rs.getObject(i));
                        }
                        csv.println();
                        lines[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            csv.flush();
        }
        return lines[0];
    }
}
