package cn.sanshe.pipeline.ingest.read;

import java.util.Iterator;
import java.util.List;

/**
 * A workbook whose rows were taken down by its inspection ({@link XlsxCapture}): handed out as
 * {@link XlsxReader} would read them from the file, without reading the file again.
 */
final class XlsxCapturedReader implements WorkbookReader {

    /** One sheet: its name, and its rows as the clerk sees them. */
    record CapturedSheet(String name, List<SheetRow> rows) {
    }

    private final Iterator<CapturedSheet> sheets;
    private CapturedSheet sheet;
    private Iterator<SheetRow> rows;
    private boolean closed;

    XlsxCapturedReader(List<CapturedSheet> sheets) {
        this.sheets = sheets.iterator();
    }

    @Override
    public boolean nextSheet() {
        ensureOpen();
        if (!sheets.hasNext()) {
            sheet = null;
            rows = null;
            return false;
        }
        sheet = sheets.next();
        rows = sheet.rows().iterator();
        return true;
    }

    @Override
    public String sheetName() {
        if (sheet == null) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        return sheet.name();
    }

    @Override
    public SheetRow nextRow() {
        ensureOpen();
        if (rows == null) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        return rows.hasNext() ? rows.next() : null;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
