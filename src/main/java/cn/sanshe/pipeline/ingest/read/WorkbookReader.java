package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;

/**
 * A spreadsheet or CSV file read one sheet and one row at a time, never whole in memory — but for a
 * plain .xlsx of at most {@code XlsxCapture.MAX_CELLS} cells, whose rows its inspection took down.
 *
 * <p>Typed cells arrive as text: a date-formatted number as {@code yyyy-MM-dd} (with
 * {@code  HH:mm:ss} when it has a time of day), any other number in plain decimal notation
 * without exponent or trailing zeros ({@code 1234}, {@code 0.5}), a boolean as {@code TRUE} /
 * {@code FALSE}, a formula as its cached result, text as stored (not trimmed).
 */
public interface WorkbookReader extends AutoCloseable {

    /** Moves to the next sheet; false when there is none. A CSV file has one sheet. */
    boolean nextSheet() throws IOException;

    /** The current sheet's name; for CSV the file name without its extension. */
    String sheetName();

    /** The next row of the current sheet in order, or null at its end. Rows absent from the file are not returned. */
    SheetRow nextRow() throws IOException;

    @Override
    void close() throws IOException;
}
