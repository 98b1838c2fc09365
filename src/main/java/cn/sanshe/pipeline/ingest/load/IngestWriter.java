package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.system.IdentityVault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records a chunk of items in one transaction: sheets and their supersessions, loaded rows into
 * staging, rejected rows with their cells and reasons, the accounting of every sheet, and the
 * end (or refusal) of files.
 */
class IngestWriter implements ItemWriter<IngestItem> {

    private final JdbcTemplate jdbc;
    private final BulkLoader bulk;
    private final SheetRegistry sheets;
    private final RejectRecorder rejects;
    private final IdentityVault vault;
    private final Map<TemplateId, StagingText> buffers = new EnumMap<>(TemplateId.class);
    /** Files of this chunk read to their end, marked loaded when the chunk is flushed (in its transaction). */
    private final List<Long> loadedFiles = new ArrayList<>();

    IngestWriter(JdbcTemplate jdbc, IdentityVault vault) {
        this.jdbc = jdbc;
        this.bulk = new BulkLoader(jdbc);
        this.sheets = new SheetRegistry(jdbc);
        this.rejects = new RejectRecorder(jdbc, vault);
        this.vault = vault;
    }

    @Override
    public void write(Chunk<? extends IngestItem> chunk) {
        Map<TemplateId, Staged> staged = new EnumMap<>(TemplateId.class);
        Map<Long, SheetCounts> counts = new HashMap<>();
        sheets.newChunk();
        loadedFiles.clear();
        List<? extends IngestItem> items = chunk.getItems();
        int stretchEnd = -1;
        for (int i = 0; i < items.size(); i++) {
            IngestItem item = items.get(i);
            if (i > stretchEnd) {
                // The parts of a stretch's rows in three statements; a refusal or an ignored sheet ends
                // the stretch, as what they do to sheets comes before the next rows' parts.
                stretchEnd = i;
                while (stretchEnd < items.size() - 1 && !endsStretch(items.get(stretchEnd))) {
                    stretchEnd++;
                }
                sheets.prefetch(items.subList(i, stretchEnd + 1));
            }
            if (item instanceof IngestItem.Row row) {
                RowOutcome outcome = row.outcome();
                // A row counts with the part of its sheet for its own period (sources.md's order).
                long sheetId = outcome instanceof RowOutcome.Skipped ? sheets.partOfSkipped(row) : sheets.partOf(row);
                if (sheetId < 0) {
                    continue;   // a skipped row before any data row of its sheet: counted when its part is made
                }
                SheetCounts sheetCounts = counts.computeIfAbsent(sheetId, id -> new SheetCounts());
                sheetCounts.read++;
                if (outcome instanceof RowOutcome.Loaded loaded) {
                    sheetCounts.loaded++;
                    TemplateId template = row.sheet().match().template().id();
                    staged.computeIfAbsent(template, t -> new Staged(StagingTable.of(t)))
                            .add(sheetId, row, loaded);
                } else if (outcome instanceof RowOutcome.Rejected rejected) {
                    sheetCounts.rejected++;
                    rejects.add(sheetId, row, rejected);
                } else {
                    sheetCounts.skipped++;
                }
            } else {
                if (refuses(item)) {
                    // Flush first so that a refusal also removes what this very chunk staged.
                    flush(staged, counts);
                } else {
                    // A newer drop's sheet closes the open rejects of the sheets it supersedes: those of
                    // this chunk must be written by then. Staged rows wait for the chunk's end — one
                    // LOAD DATA per template per chunk, not per file (a few dozen rows each).
                    rejects.flush();
                }
                record(item);
            }
        }
        flush(staged, counts);
        sheets.chunkEnd();
    }

    private static boolean endsStretch(IngestItem item) {
        return refuses(item) || item instanceof IngestItem.SheetIgnored;
    }

    private static boolean refuses(IngestItem item) {
        return item instanceof IngestItem.FileRefused
                || item instanceof IngestItem.FileEnd end && end.noTemplateReason() != null;
    }

    private void record(IngestItem item) {
        if (item instanceof IngestItem.SheetStart start) {
            sheets.start(start.sheet());
        } else if (item instanceof IngestItem.SheetIgnored ignored) {
            sheets.ignore(ignored);
        } else if (item instanceof IngestItem.FileEnd end) {
            if (end.noTemplateReason() == null) {
                sheets.close();
            }
            if (end.noTemplateReason() != null) {
                refuse(end.fileId(), end.noTemplateReason());
            } else {
                loadedFiles.add(end.fileId());   // marked at the chunk's flush, all in one statement
            }
        } else if (item instanceof IngestItem.FileRefused refused) {
            refuse(refused.fileId(), refused.reason());
        }
    }

    /**
     * A file refused after some of it was written (it broke half-way) keeps nothing of it. Every
     * statement goes through the file's own sheet ids, so parallel districts never lock each other.
     */
    private void refuse(long fileId, String reason) {
        sheets.dropOpen(fileId);
        List<Long> sheetIds = jdbc.queryForList("SELECT id FROM ingest_sheet WHERE file_id = ?", Long.class, fileId);
        for (Long sheetId : sheetIds) {
            for (StagingTable table : StagingTable.ALL) {
                jdbc.update("DELETE FROM " + table.table() + " WHERE sheet_id = ?", sheetId);
            }
            jdbc.update("DELETE FROM ingest_reject WHERE sheet_id = ?", sheetId);
            sheets.forget(sheetId);
        }
        jdbc.update("UPDATE ingest_file SET status = 'refused', reason = ?, loaded_at = CURRENT_TIMESTAMP(6) "
                + "WHERE id = ?", truncate(reason, 1000), fileId);
    }

    private void flush(Map<TemplateId, Staged> staged, Map<Long, SheetCounts> counts) {
        staged.values().forEach(rows -> bulk.load(rows.table.table(), rows.table.sqlColumns(), rows.text,
                rows::values));
        staged.clear();
        rejects.flush();
        sheets.closeBornSupersededRejects();
        addCounts(counts);
        counts.clear();
        if (!loadedFiles.isEmpty()) {
            jdbc.update("UPDATE ingest_file SET status = 'loaded', loaded_at = CURRENT_TIMESTAMP(6) WHERE id IN ("
                    + String.join(", ", Collections.nCopies(loadedFiles.size(), "?")) + ")",
                    loadedFiles.toArray());
            loadedFiles.clear();
        }
    }

    /** Sheets whose counts one statement adds to: a chunk's sheets come in one, a few hundred at most. */
    static final int COUNTS_PER_STATEMENT = 500;

    /**
     * Adds the chunk's counts to its sheets in one statement (a {@code CASE} per count) instead of one
     * per sheet: a chunk holds some sixteen files' sheets, and each statement costs the server more
     * than the row it changes (a national month is forty thousand sheets).
     */
    private void addCounts(Map<Long, SheetCounts> counts) {
        List<Map.Entry<Long, SheetCounts>> entries = new ArrayList<>(counts.entrySet());
        for (int from = 0; from < entries.size(); from += COUNTS_PER_STATEMENT) {
            List<Map.Entry<Long, SheetCounts>> slice =
                    entries.subList(from, Math.min(entries.size(), from + COUNTS_PER_STATEMENT));
            String cases = " WHEN ? THEN ?".repeat(slice.size());
            List<Object> args = new ArrayList<>(slice.size() * 9);
            for (ToIntFunction<SheetCounts> count : SheetCounts.FIELDS) {
                for (Map.Entry<Long, SheetCounts> entry : slice) {
                    args.add(entry.getKey());
                    args.add(count.applyAsInt(entry.getValue()));
                }
            }
            slice.forEach(entry -> args.add(entry.getKey()));
            jdbc.update("UPDATE ingest_sheet SET rows_read = rows_read + CASE id" + cases + " END, "
                    + "rows_loaded = rows_loaded + CASE id" + cases + " END, "
                    + "rows_rejected = rows_rejected + CASE id" + cases + " END, "
                    + "rows_skipped = rows_skipped + CASE id" + cases + " END "
                    + "WHERE id IN (" + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")",
                    args.toArray());
        }
    }

    /**
     * A template's loaded rows of the chunk, as LOAD DATA text: the sheet id, then the rest of the
     * row as the checking thread wrote it. The rows themselves are kept for the batched inserts of
     * a server that refuses LOAD DATA.
     */
    private final class Staged {
        final StagingTable table;
        final StagingText text;
        final List<Long> sheetIds = new ArrayList<>();
        final List<IngestItem.Row> rows = new ArrayList<>();

        Staged(StagingTable table) {
            this.table = table;
            // One buffer per template for the writer's life, emptied for each load: a chunk's text is
            // several hundred KB, which the JVM would otherwise allocate outside its young generation.
            this.text = buffers.computeIfAbsent(table.template(), t -> new StagingText(64 * 1024));
            text.clear();
        }

        void add(long sheetId, IngestItem.Row row, RowOutcome.Loaded loaded) {
            byte[] rest = row.stagingText() != null ? row.stagingText()
                    : table.textAfterSheetId(row.row().number(), row.sheet().unitCode(), loaded, vault);
            text.number(sheetId).rows(rest, 1);
            sheetIds.add(sheetId);
            rows.add(row);
        }

        List<Object[]> values() {
            List<Object[]> values = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                IngestItem.Row row = rows.get(i);
                values.add(table.row(sheetIds.get(i), row.row().number(), row.sheet().unitCode(),
                        (RowOutcome.Loaded) row.outcome(), vault));
            }
            return values;
        }
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final class SheetCounts {
        /** In the order of the statement's columns: read, loaded, rejected, skipped. */
        static final List<ToIntFunction<SheetCounts>> FIELDS =
                List.of(c -> c.read, c -> c.loaded, c -> c.rejected, c -> c.skipped);
        int read;
        int loaded;
        int rejected;
        int skipped;
    }
}
