package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.exports.CsvExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Per file and sheet: what was read, loaded, rejected and skipped (operations.md's columns, then
 * the status and a note: why a file was refused or a sheet ignored, where the title or the drop
 * folder named another month than the one the rows were filed under, that a sheet's rows carried
 * several months), and which source gave the period (统计月份列, 标题, 文件夹, 命令). A sheet whose
 * rows carry two months has a line per month.
 * Every file of the inbox has a line: a copy of a file received before (status 重复, naming the
 * file it copies), and a file not read at all (hidden, a link, an unknown unit's folder: refused).
 * Written by the shared {@link CsvExport}: UTF-8 with a BOM, and a file named {@code =HYPERLINK(…)}
 * is text, not a formula.
 */
@Service
public class AccountingExport {

    static final String[] HEADER = {"file", "sha256", "unit", "period", "template", "sheet", "rows_read", "rows_loaded",
        "rows_rejected", "rows_skipped", "status", "note", "period_source"};

    /** The status of a drop whose bytes were received before under another name. */
    static final String COPY = "重复";

    private final JdbcTemplate jdbc;

    AccountingExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the number of lines written. */
    public int write(Path out) throws IOException {
        List<Line> lines = new ArrayList<>();
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
                       s.period_source, COALESCE(s.id, 0)
                FROM ingest_file f LEFT JOIN ingest_sheet s ON s.file_id = f.id""", (RowCallbackHandler) rs -> {
                    Object[] values = new Object[HEADER.length];
                    for (int i = 1; i <= HEADER.length; i++) {
                        values[i - 1] = rs.getObject(i);
                    }
                    lines.add(new Line(text(values[3]), text(values[2]), text(values[0]), rs.getLong(HEADER.length + 1),
                            values));
                });
        // The same bytes dropped again under another name: listed, recognised, not loaded twice.
        jdbc.query("""
                SELECT d.path, f.sha256, f.path FROM ingest_drop d JOIN ingest_file f ON f.id = d.file_id
                WHERE d.path <> f.path""", (RowCallbackHandler) rs -> {
                    String path = rs.getString(1);
                    String[] folder = folderOf(path);
                    lines.add(new Line(folder[0], folder[1], path, 0, new Object[] {path, rs.getString(2), folder[1],
                        folder[0], null, null, 0, 0, 0, 0, COPY,
                        "与已收文件 " + rs.getString(3) + " 内容完全相同（重复报送），未再次入库", null}));
                });
        // Listed but never read: hidden files, links, folders of units the reference lacks.
        jdbc.query("SELECT path, unit_code, period, reason FROM ingest_refused_drop", (RowCallbackHandler) rs -> {
            String path = rs.getString(1);
            lines.add(new Line(text(rs.getString(3)), text(rs.getString(2)), path, 0, new Object[] {path, null,
                rs.getString(2), rs.getString(3), null, null, 0, 0, 0, 0, "refused", rs.getString(4), null}));
        });
        lines.sort(Comparator.comparing(Line::period).thenComparing(Line::unit).thenComparing(Line::path)
                .thenComparingLong(Line::sheetId));
        try (CsvExport csv = CsvExport.create(out)) {
            csv.header(HEADER);
            for (Line line : lines) {
                csv.row(line.values());
            }
        }
        return lines.size();
    }

    private record Line(String period, String unit, String path, long sheetId, Object[] values) {
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Month and unit of {@code <yyyy-MM>/<unit>/<file>}, or blanks for a path of another shape. */
    private static String[] folderOf(String path) {
        String[] parts = path.split("/");
        if (parts.length == 3) {
            return new String[] {parts[0], parts[1]};
        }
        return new String[] {"", ""};
    }
}
