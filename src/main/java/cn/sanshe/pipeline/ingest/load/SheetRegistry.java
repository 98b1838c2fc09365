package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code ingest_sheet} rows of the partition's files: one per sheet and <em>period</em>. A
 * row's period is its own 统计月份, else the title's, else the drop folder's (or the command's), so
 * a sheet whose rows carry two months is recorded as two parts, each accounted for. A part is
 * made when its first row is written; skipped rows (blank, 合计) count with the part they sit in.
 *
 * <p>A part supersedes the same unit's in-force sheets of that template and true period from other
 * files (a corrected resubmission) when its file is the newer drop (file time, then arrival); an
 * older one is superseded at once by the newer, whatever order the files are loaded in. The old
 * rows stay for history but stop counting, and their open rejects are closed as superseded.
 */
class SheetRegistry {

    private final JdbcTemplate jdbc;
    /** file/sheet/period → part id, for the current chunk (a chunk written again after a rollback looks them up anew). */
    private final Map<String, Long> parts = new HashMap<>();
    /** Parts born superseded in this chunk: their rejects are closed after they are written. */
    private final List<Long> bornSuperseded = new ArrayList<>();
    /** Parts of this chunk that superseded other sheets: those sheets' rejects are closed again after the chunk's are written. */
    private final List<Long> superseding = new ArrayList<>();
    /** The sheet whose rows are coming, until the next sheet or file item. */
    private SheetContext open;
    /** Skipped rows of {@link #open} met before any of its parts exists. */
    private final SheetCountsBuffer pendingSkips = new SheetCountsBuffer();
    /** The last part looked up, for the next row of the same sheet and month. */
    private SheetContext lastSheet;
    private YearMonth lastPeriod;
    private long lastPart = -1;
    /** The part of {@link #open} its last data row went to; -1 before any. */
    private long openLatestPart = -1;

    SheetRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new chunk: ids are looked up again (the last chunk may have been rolled back). */
    void newChunk() {
        parts.clear();
        lastSheet = null;
        lastPart = -1;
        bornSuperseded.clear();
        superseding.clear();
        pendingSkips.clear();
        openLatestPart = -1;
    }

    /** A sheet's rows follow. */
    void start(SheetContext sheet) {
        close();
        open = sheet;
        openLatestPart = -1;
    }

    /**
     * The end of the open sheet (a next sheet or file item): a sheet without any part yet (no rows, or only skipped ones) is recorded
     * under its fallback period, so every sheet read is accounted for.
     */
    void close() {
        // a part given in this very chunk (openLatestPart) needs no lookup: the sheet has one
        if (open != null && openLatestPart <= 0 && partsOf(open).isEmpty()) {
            long id = part(open, open.fallback());
            pendingSkips.addTo(id);
        }
        pendingSkips.clear();
        open = null;
        openLatestPart = -1;
    }

    /** At the end of a chunk, skipped rows still waiting for a part are written to the fallback part. */
    void chunkEnd() {
        if (open != null && pendingSkips.count > 0) {
            long id = partsOf(open).stream().reduce((a, b) -> b).orElseGet(() -> part(open, open.fallback()));
            pendingSkips.addTo(id);
            pendingSkips.clear();
        }
    }

    /** The part a loaded or rejected row belongs to, made if it is the first of its period. */
    long partOf(IngestItem.Row row) {
        SheetContext.RowPeriod period = row.periodOrOwn();
        long id = part(row.sheet(), period == null ? row.sheet().fallback() : period);
        if (row.sheet() == open) {
            pendingSkips.addTo(id);
            pendingSkips.clear();
            openLatestPart = id;
        }
        return id;
    }

    /** The part a skipped row counts with: the sheet's latest part; -1 when none exists yet (held until one does). */
    long partOfSkipped(IngestItem.Row row) {
        if (row.sheet() == open && openLatestPart > 0) {
            return openLatestPart;
        }
        List<Long> existing = partsOf(row.sheet());
        if (existing.isEmpty()) {
            if (row.sheet() != open) {
                return part(row.sheet(), row.sheet().fallback());
            }
            pendingSkips.count++;
            return -1;
        }
        return existing.get(existing.size() - 1);
    }

    List<Long> bornSuperseded() {
        return bornSuperseded;
    }

    void ignore(IngestItem.SheetIgnored ignored) {
        close();
        String[] unit = jdbc.queryForObject("SELECT unit_code, period FROM ingest_file WHERE id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, ignored.fileId());
        insert(ignored.fileId(), ignored.sheetName(), ignored.templateOrNull(), null, unit[0], unit[1], null, null,
                IngestWriter.truncate(ignored.note(), 500));
        if (ignored.templateOrNull() != null && unit[1] != null) {
            // a later sheet of this key supersedes it like any other (the statements in supersede() must run)
            inForce(unit[0].substring(0, 6)).add(unit[0] + "/" + unit[1] + "/" + ignored.templateOrNull());
        }
    }

    /** A refused file: its open sheet is dropped, not recorded. */
    void dropOpen(long fileId) {
        if (open != null && open.fileId() == fileId) {
            open = null;
            openLatestPart = -1;
            pendingSkips.clear();
        }
    }

    /** Undoes a sheet of a refused file, restoring what it had superseded. */
    void forget(long sheetId) {
        jdbc.update("UPDATE ingest_sheet SET superseded_by = NULL WHERE superseded_by = ?", sheetId);
        jdbc.update("DELETE FROM ingest_sheet WHERE id = ?", sheetId);
        parts.values().removeIf(id -> id == sheetId);
        if (lastPart == sheetId) {
            lastSheet = null;
            lastPart = -1;
        }
        if (openLatestPart == sheetId) {
            openLatestPart = -1;
        }
    }

    private List<Long> partsOf(SheetContext sheet) {
        return jdbc.queryForList("SELECT id FROM ingest_sheet WHERE file_id = ? AND sheet_name = ? ORDER BY id",
                Long.class, sheet.fileId(), IngestWriter.truncate(sheet.sheetName(), 100));
    }

    private long part(SheetContext sheet, SheetContext.RowPeriod period) {
        // Rows of a sheet come together, mostly of one month: no key is built for them.
        if (sheet == lastSheet && Objects.equals(period.period(), lastPeriod) && lastPart > 0) {
            return lastPart;
        }
        String periodText = period.period() == null ? null : period.period().toString();
        String key = key(sheet, periodText);
        Long known = parts.get(key);
        if (known != null) {
            return known;
        }
        // With a period the part's unique key (file, sheet, period) tells an insert whether the part is
        // new: one statement instead of a lookup and an insert. A NULL period is no key (NULLs differ), so
        // such a part is looked up first.
        List<Long> found = periodText != null ? List.of() : jdbc.queryForList("""
                SELECT id FROM ingest_sheet WHERE file_id = ? AND sheet_name = ? AND period IS NULL""", Long.class,
                sheet.fileId(), IngestWriter.truncate(sheet.sheetName(), 100));
        long id;
        if (!found.isEmpty()) {
            id = found.get(0);   // made in an earlier, committed chunk (after a restart too)
        } else {
            String template = sheet.match().template().id().name();
            Long made = insertIfNew(sheet.fileId(), sheet.sheetName(), template, sheet.match().headerRowNumber(),
                    sheet.unitCode(), periodText, period.source().label, sheet.disagreement(period), null);
            if (made != null) {
                id = made;
                supersede(sheet, template, periodText, id);
            } else {
                id = existing(sheet.fileId(), sheet.sheetName(), periodText);   // made in an earlier, committed chunk
            }
        }
        parts.put(key, id);
        lastSheet = sheet;
        lastPeriod = period.period();
        lastPart = id;
        return id;
    }

    private static String key(SheetContext sheet, String periodText) {
        return key(sheet.fileId(), sheet.sheetName(), periodText);
    }

    /** A part by file, sheet name and month: as the rows ask for it, or as stored (the name cut to 100). */
    private static String key(long fileId, String sheetName, String periodText) {
        return fileId + "/" + sheetName + "/" + periodText;
    }

    /**
     * Makes, in three statements, the parts the loaded and rejected rows of these items will ask for
     * (one per sheet and month; parts with no month are left to {@link #part}): the parts of their
     * files already there (made in a committed chunk), one insert of the rest, and their ids. A chunk
     * holds some sixteen files, and an insert per sheet was, with the count update per sheet, ingest's
     * most frequent statement. The items are a stretch of the chunk that no refusal or ignored sheet interrupts,
     * so the parts are made and superseding in the order they would be row by row; the rejects of
     * sheets they supersede are closed at the chunk's end ({@link #closeBornSupersededRejects}),
     * when this chunk's rejects are written too.
     */
    void prefetch(List<? extends IngestItem> items) {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        Set<Long> files = new LinkedHashSet<>();
        SheetContext previousSheet = null;
        YearMonth previousPeriod = null;
        for (IngestItem item : items) {
            if (item instanceof IngestItem.Row row && row.outcome() != null
                    && !(row.outcome() instanceof RowOutcome.Skipped)) {
                SheetContext.RowPeriod period = row.periodOrOwn();
                if (period == null) {
                    period = row.sheet().fallback();
                }
                if (period.period() == null) {
                    continue;
                }
                if (row.sheet() == previousSheet && period.period().equals(previousPeriod)) {
                    continue;   // the row before asked for the same part: no key to build for it
                }
                previousSheet = row.sheet();
                previousPeriod = period.period();
                String key = key(row.sheet(), period.period().toString());
                if (!parts.containsKey(key) && !wanted.containsKey(key)) {
                    wanted.put(key, new Wanted(row.sheet(), period));
                    files.add(row.sheet().fileId());
                }
            }
        }
        if (wanted.size() < 2) {
            return;   // one part: made row by row for the same one statement
        }
        Map<String, Long> there = partIds(files);
        List<Map.Entry<String, Wanted>> missing = new ArrayList<>();
        for (Map.Entry<String, Wanted> entry : wanted.entrySet()) {
            Long id = there.get(entry.getValue().dbKey());
            if (id != null) {
                parts.put(entry.getKey(), id);   // made in an earlier, committed chunk (after a restart too)
            } else {
                missing.add(entry);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        // The keys in force are read before the insert: read after it, they would count these parts as
        // already there, and each would run the statements that look for a sheet to supersede.
        missing.forEach(entry -> inForce(entry.getValue().sheet().districtCode()));
        StringBuilder sql = new StringBuilder(INSERT_PART);
        List<Object> args = new ArrayList<>(missing.size() * 9);
        for (int i = 0; i < missing.size(); i++) {
            Wanted part = missing.get(i).getValue();
            SheetContext sheet = part.sheet();
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)");
            args.addAll(Arrays.asList(sheet.fileId(), IngestWriter.truncate(sheet.sheetName(), 100),
                    sheet.match().template().id().name(), sheet.match().headerRowNumber(), sheet.unitCode(),
                    sheet.districtCode(), part.periodText(), part.period().source().label,
                    sheet.disagreement(part.period())));
        }
        try {
            jdbc.update(sql.toString(), args.toArray());
        } catch (DuplicateKeyException e) {
            // Two names the database holds equal (cut to 100 characters, or equal under its collation):
            // the server undid the statement only, and the rows make their parts one by one, as before.
            return;
        }
        Map<String, Long> made = partIds(files);
        for (Map.Entry<String, Wanted> entry : missing) {
            Wanted part = entry.getValue();
            Long found = made.get(part.dbKey());
            long id = found != null ? found : existing(part.sheet().fileId(), part.sheet().sheetName(), part.periodText());
            parts.put(entry.getKey(), id);
            supersede(part.sheet(), part.sheet().match().template().id().name(), part.periodText(), id);
        }
    }

    /** The parts of these files with a month, by file, sheet name as stored and month. */
    private Map<String, Long> partIds(Collection<Long> files) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, file_id, sheet_name, period FROM ingest_sheet WHERE period IS NOT NULL AND file_id IN ("
                + String.join(", ", Collections.nCopies(files.size(), "?")) + ")",
                rs -> {
                    ids.put(key(rs.getLong(2), rs.getString(3), rs.getString(4)), rs.getLong(1));
                }, files.toArray());
        return ids;
    }

    /** A part the chunk's rows will ask for. */
    private record Wanted(SheetContext sheet, SheetContext.RowPeriod period) {
        String periodText() {
            return period.period().toString();
        }

        String dbKey() {
            return key(sheet.fileId(), IngestWriter.truncate(sheet.sheetName(), 100), periodText());
        }
    }

    /**
     * The newest drop of a unit, template and true period is in force: this part supersedes older
     * ones, or is itself superseded by a newer one loaded before it.
     */
    private void supersede(SheetContext sheet, String template, String period, long id) {
        if (period == null) {
            return;
        }
        if (inForce(sheet.districtCode()).add(sheet.unitCode() + "/" + period + "/" + template)) {
            // Nearly always: the first sheet of its unit, template and period. Nothing to supersede or
            // be superseded by, which the preloaded keys tell without two statements per sheet.
            return;
        }
        List<Long> newer = jdbc.queryForList("""
                SELECT s.id FROM ingest_sheet s
                JOIN ingest_file f ON f.id = s.file_id
                JOIN ingest_file mine ON mine.id = ?
                WHERE s.district_code = ? AND s.unit_code = ? AND s.period = ? AND s.template = ? AND s.file_id <> ?
                  AND s.superseded_by IS NULL
                  AND (f.modified_at > mine.modified_at OR (f.modified_at = mine.modified_at AND f.id > mine.id))
                ORDER BY f.modified_at DESC, f.id DESC, s.id DESC LIMIT 1""", Long.class,
                sheet.fileId(), sheet.districtCode(), sheet.unitCode(), period, template, sheet.fileId());
        if (!newer.isEmpty()) {
            jdbc.update("UPDATE ingest_sheet SET superseded_by = ? WHERE id = ?", newer.get(0), id);
            bornSuperseded.add(id);
            return;
        }
        int superseded = jdbc.update("""
                UPDATE ingest_sheet SET superseded_by = ?
                WHERE district_code = ? AND unit_code = ? AND period = ? AND template = ? AND file_id <> ?
                  AND superseded_by IS NULL AND id <> ?""",
                id, sheet.districtCode(), sheet.unitCode(), period, template, sheet.fileId(), id);
        if (superseded == 0) {
            // Nearly always: a first submission. Looking up "superseded_by = <a new id>" would find
            // nothing but lock the end of that index, where every district's new sheets go.
            return;
        }
        superseding.add(id);   // rejects of this chunk's sheets it superseded are written later: closed again then
        jdbc.update("""
                UPDATE ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id
                SET r.status = 'superseded', r.resolved_at = CURRENT_TIMESTAMP(6)
                WHERE s.superseded_by = ? AND r.status = 'open'""", id);
    }

    /**
     * The unit/period/template keys of the district's sheets in force when the partition began, and
     * those this writer has made since: a key not among them has no other sheet to supersede. Only
     * ever added to, so a chunk rolled back leaves a key too many (the statements then run and find
     * nothing), never one too few. A district's history is a few thousand keys.
     */
    private InForce inForce;

    private InForce inForce(String district) {
        if (inForce == null || !inForce.district().equals(district)) {
            inForce = new InForce(district);
        }
        return inForce;
    }

    private final class InForce {
        private final String district;
        private final Set<String> keys = new HashSet<>();

        InForce(String district) {
            this.district = district;
            jdbc.query("""
                    SELECT DISTINCT unit_code, period, template FROM ingest_sheet
                    WHERE district_code = ? AND period IS NOT NULL AND template IS NOT NULL AND superseded_by IS NULL""",
                    rs -> {
                        keys.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3));
                    }, district);
        }

        String district() {
            return district;
        }

        /** Whether the key is new (and now known). */
        boolean add(String key) {
            return keys.add(key);
        }
    }

    /**
     * Closes the rejects of parts born superseded, and of the sheets parts of this chunk superseded,
     * once written: a part made ahead of its rows ({@link #prefetch}) supersedes before the rejects of
     * this chunk's earlier sheets are.
     */
    void closeBornSupersededRejects() {
        for (Long id : bornSuperseded) {
            jdbc.update("""
                    UPDATE ingest_reject SET status = 'superseded', resolved_at = CURRENT_TIMESTAMP(6)
                    WHERE sheet_id = ? AND status = 'open'""", id);
        }
        for (Long id : superseding) {
            jdbc.update("""
                    UPDATE ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id
                    SET r.status = 'superseded', r.resolved_at = CURRENT_TIMESTAMP(6)
                    WHERE s.superseded_by = ? AND r.status = 'open'""", id);
        }
        superseding.clear();
    }

    private long insert(long fileId, String sheetName, String template, Integer headerRow, String unitCode,
            String period, String periodSource, String periodNote, String note) {
        Long made = insertIfNew(fileId, sheetName, template, headerRow, unitCode, period, periodSource, periodNote, note);
        return made != null ? made : existing(fileId, sheetName, period);
    }

    private long existing(long fileId, String sheetName, String period) {
        return jdbc.queryForObject("""
                SELECT id FROM ingest_sheet WHERE file_id = ? AND sheet_name = ? AND period <=> ?""", Long.class,
                fileId, IngestWriter.truncate(sheetName, 100), period);
    }

    private static final int DUPLICATE_KEY = 1062;

    /** A part's insert up to its values: one part ({@link #insertIfNew}) or a chunk's ({@link #prefetch}). */
    private static final String INSERT_PART = """
            INSERT INTO ingest_sheet (file_id, sheet_name, template, header_row, unit_code, district_code, period,
                                      period_source, period_note, note) VALUES """;

    /**
     * The new part's id, or null when the part (file, sheet, period) is there already. Not {@code ON
     * DUPLICATE KEY UPDATE}: the driver counts a row found as one changed, so new and old look alike.
     */
    private Long insertIfNew(long fileId, String sheetName, String template, Integer headerRow, String unitCode,
            String period, String periodSource, String periodNote, String note) {
        Object[] values = {fileId, IngestWriter.truncate(sheetName, 100), template, headerRow, unitCode,
            unitCode.substring(0, 6), period, periodSource, periodNote, note};
        return jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(
                    INSERT_PART + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                try {
                    statement.executeUpdate();
                } catch (java.sql.SQLException e) {
                    if (e.getErrorCode() == DUPLICATE_KEY) {
                        // there already: made in an earlier, committed chunk (after a restart too). The
                        // server undoes this statement only; the chunk's transaction goes on.
                        return null;
                    }
                    throw e;
                }
                try (java.sql.ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("no id for the new sheet " + sheetName);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Skipped rows waiting for their sheet's first part. */
    private final class SheetCountsBuffer {
        int count;

        void addTo(long sheetId) {
            if (count > 0) {
                jdbc.update("UPDATE ingest_sheet SET rows_read = rows_read + ?, rows_skipped = rows_skipped + ? WHERE id = ?",
                        count, count, sheetId);
            }
        }

        void clear() {
            count = 0;
        }
    }
}
