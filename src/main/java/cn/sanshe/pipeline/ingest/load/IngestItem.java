package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;

/** What the reader produces from a file, in order; the writer records each kind. */
public sealed interface IngestItem {

    long fileId();

    /** The whole file is refused: unreadable, hostile, or no sheet matched a template. */
    record FileRefused(long fileId, String reason) implements IngestItem {
    }

    /** A sheet whose header matched a template; its rows follow. */
    record SheetStart(SheetContext sheet) implements IngestItem {

        @Override
        public long fileId() {
            return sheet.fileId();
        }
    }

    /** A sheet left out (no template's header in its first 10 rows, or a template the unit may not send). */
    record SheetIgnored(long fileId, String sheetName, String templateOrNull, String note) implements IngestItem {
    }

    /**
     * A row below a sheet's header; {@code outcome} is null until checked. A loaded row also carries
     * its staging text after the sheet id ({@link StagingTable#textAfterSheetId}), made when it was
     * checked; null when not made there (the writer then formats the row itself). {@code period}
     * is the row's period and its source, decided where the row is checked (null until then).
     */
    record Row(SheetContext sheet, SheetRow row, RowOutcome outcome, byte[] stagingText, SheetContext.RowPeriod period)
            implements IngestItem {

        Row(SheetContext sheet, SheetRow row, RowOutcome outcome) {
            this(sheet, row, outcome, null, null);
        }

        @Override
        public long fileId() {
            return sheet.fileId();
        }

        Row checked(RowOutcome result, byte[] text) {
            return new Row(sheet, row, result, text, periodOf(sheet, row, result));
        }

        /** The row's period: a loaded row's as validated; any other's from its own cells, else the fallback. */
        static SheetContext.RowPeriod periodOf(SheetContext sheet, SheetRow row, RowOutcome outcome) {
            if (outcome instanceof RowOutcome.Loaded loaded && loaded.period() != null) {
                return sheet.periodOf(loaded.period(), row.cells());
            }
            if (outcome instanceof RowOutcome.Skipped) {
                return null;   // not data: counted with the sheet's part it sits in
            }
            return sheet.periodOf(row.cells());
        }

        /** The period, computed now if the row was not checked on a checking thread. */
        SheetContext.RowPeriod periodOrOwn() {
            return period != null || outcome instanceof RowOutcome.Skipped ? period : periodOf(sheet, row, outcome);
        }
    }

    /** The file has been read to its end. */
    record FileEnd(long fileId, int sheetsLoaded, String noTemplateReason) implements IngestItem {
    }
}
