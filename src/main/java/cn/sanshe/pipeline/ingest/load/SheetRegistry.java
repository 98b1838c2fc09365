package cn.sanshe.pipeline.ingest.load;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code ingest_sheet} rows of the partition's files. Starting a sheet supersedes the same
 * unit's earlier sheet of that template and period (a corrected resubmission): the old rows stay
 * for history but stop counting, and their open rejects are closed as superseded.
 */
class SheetRegistry {

    private final JdbcTemplate jdbc;
    private final Map<String, Long> ids = new HashMap<>();
    private SheetContext lastSheet;
    private long lastId;

    SheetRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start(SheetContext sheet) {
        String template = sheet.match().template().id().name();
        String period = sheet.period() == null ? null : sheet.period().toString();
        long id = insert(sheet.fileId(), sheet.sheetName(), template, sheet.match().headerRowNumber(),
                sheet.unitCode(), period, null);
        jdbc.update("""
                UPDATE ingest_sheet SET superseded_by = ?
                WHERE district_code = ? AND unit_code = ? AND period = ? AND template = ? AND file_id <> ?
                  AND superseded_by IS NULL""",
                id, sheet.districtCode(), sheet.unitCode(), period, template, sheet.fileId());
        jdbc.update("""
                UPDATE ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id
                SET r.status = 'superseded', r.resolved_at = CURRENT_TIMESTAMP(6)
                WHERE s.superseded_by = ? AND r.status = 'open'""", id);
    }

    void ignore(IngestItem.SheetIgnored ignored) {
        String[] unit = jdbc.queryForObject("SELECT unit_code, period FROM ingest_file WHERE id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, ignored.fileId());
        insert(ignored.fileId(), ignored.sheetName(), ignored.templateOrNull(), null, unit[0], unit[1],
                IngestWriter.truncate(ignored.note(), 500));
    }

    long idOf(SheetContext sheet) {
        // Asked for every row: the rows of one sheet come together.
        if (sheet == lastSheet) {
            return lastId;
        }
        Long id = ids.get(key(sheet.fileId(), sheet.sheetName()));
        if (id == null) {
            // After a restart the sheet was started in an earlier, committed chunk.
            id = jdbc.queryForObject("SELECT id FROM ingest_sheet WHERE file_id = ? AND sheet_name = ?", Long.class,
                    sheet.fileId(), sheet.sheetName());
            ids.put(key(sheet.fileId(), sheet.sheetName()), id);
        }
        lastSheet = sheet;
        lastId = id;
        return id;
    }

    /** Undoes a sheet of a refused file, restoring what it had superseded. */
    void forget(long sheetId) {
        jdbc.update("UPDATE ingest_sheet SET superseded_by = NULL WHERE superseded_by = ?", sheetId);
        jdbc.update("DELETE FROM ingest_sheet WHERE id = ?", sheetId);
        ids.values().removeIf(id -> id == sheetId);
        lastSheet = null;
    }

    private long insert(long fileId, String sheetName, String template, Integer headerRow, String unitCode,
            String period, String note) {
        jdbc.update("""
                INSERT INTO ingest_sheet (file_id, sheet_name, template, header_row, unit_code, district_code, period, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = id""",
                fileId, IngestWriter.truncate(sheetName, 100), template, headerRow, unitCode,
                unitCode.substring(0, 6), period, note);
        long id = jdbc.queryForObject("SELECT id FROM ingest_sheet WHERE file_id = ? AND sheet_name = ?", Long.class,
                fileId, IngestWriter.truncate(sheetName, 100));
        ids.put(key(fileId, sheetName), id);
        lastSheet = null;   // a chunk written again after a rollback starts its sheet again, under a new id
        return id;
    }

    private static String key(long fileId, String sheetName) {
        return fileId + "/" + sheetName;
    }
}
