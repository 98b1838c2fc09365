package cn.sanshe.pipeline.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An .xlsx read as a stream of rows with fastexcel: one row in memory at a time, whatever the
 * sheet's size (the shared-strings table grows as it is used, bounded by {@link ReadLimits}). The
 * file has been through {@link XlsxInspector} first; fastexcel's own StAX factory has DTDs and
 * external entities switched off as a second line.
 */
final class XlsxReader implements WorkbookReader {

    // withCellFormat: without it fastexcel does not load the styles, and dates are mere numbers
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, false);
    private static final int MAX_ROW = 1_048_576;
    /** A hostile file may declare any number of formats: the memo stays small whatever it holds. */
    private static final int MAX_FORMATS = 1_000;

    private final ReadableWorkbook workbook;
    private final List<Sheet> sheets;
    private final boolean date1904;
    private int sheetIndex = -1;
    private final Map<FormatKey, Boolean> dateFormats = new HashMap<>();
    private Stream<Row> rows;
    private Iterator<Row> rowIterator;
    private boolean closed;

    private XlsxReader(ReadableWorkbook workbook) {
        this.workbook = workbook;
        this.sheets = workbook.getSheets().toList();
        this.date1904 = workbook.isDate1904();
    }

    /**
     * Workbooks up to this size (a street's sheet of a few hundred rows is some 20–100 KB) are read
     * into memory and opened from there: fastexcel's zip library then finds the parts without a seek
     * and a read per entry, which cost more than parsing a small sheet (about 280 µs against 140 µs a
     * file). Larger ones are opened from the file, as read-only random access.
     */
    static final int READ_WHOLE_BYTES = 1 << 20;

    static XlsxReader open(Path file) throws FileRefusedException {
        return open(file, READ_WHOLE_BYTES);
    }

    /** @param readWholeBytes the largest file opened from memory (tests pass 0 to open every file from disk) */
    static XlsxReader open(Path file, int readWholeBytes) throws FileRefusedException {
        ReadableWorkbook workbook = null;
        try {
            byte[] whole = WholeFile.upTo(file, readWholeBytes);
            workbook = whole != null ? new ReadableWorkbook(new ByteArrayInputStream(whole), OPTIONS)
                    : new ReadableWorkbook(file.toFile(), OPTIONS);
            return new XlsxReader(workbook);
        } catch (IOException | RuntimeException e) {
            // missing parts, broken XML, a relationship pointing nowhere: to the clerk all one thing
            closeQuietly(workbook);
            throw new FileRefusedException(Reasons.CORRUPT, e);
        }
    }

    @Override
    public boolean nextSheet() throws IOException {
        ensureOpen();
        closeRows();
        if (sheetIndex + 1 >= sheets.size()) {
            sheetIndex = sheets.size();
            return false;
        }
        sheetIndex++;
        try {
            rows = sheets.get(sheetIndex).openStream();
            rowIterator = rows.iterator();
        } catch (IOException | RuntimeException e) {
            throw new IOException(Reasons.CORRUPT, e);
        }
        return true;
    }

    @Override
    public String sheetName() {
        if (rowIterator == null) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        return sheets.get(sheetIndex).getName();
    }

    @Override
    public SheetRow nextRow() throws IOException {
        ensureOpen();
        if (rowIterator == null) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        try {
            if (!rowIterator.hasNext()) {
                return null;
            }
            Row row = rowIterator.next();
            if (row.getRowNum() < 1 || row.getRowNum() > MAX_ROW) {
                // r="0" or past Excel's last row (or a number that overflowed): no row a clerk could point to
                throw new IOException(Reasons.CORRUPT);
            }
            return new SheetRow(row.getRowNum(), cells(row));
        } catch (RuntimeException e) {
            // ExcelReaderException wrapping an XMLStreamException: the sheet's XML breaks off half-way
            throw new IOException(Reasons.CORRUPT, e);
        }
    }

    private List<String> cells(Row row) {
        // getCellCount() is the highest column + 1: gaps are null and become "", so each cell sits at its column
        int count = row.getCellCount();
        if (count > ReadLimits.MAX_COLUMNS) {
            // the inspector refuses such a file before it is opened; checked again as it is read
            throw new IllegalStateException(Reasons.CORRUPT);
        }
        List<String> cells = new ArrayList<>(count);
        for (int column = 0; column < count; column++) {
            cells.add(text(row.getCell(column)));
        }
        return CellText.trimTrailingEmpty(cells);
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> value == null ? "" : value.toString();
            case BOOLEAN -> value instanceof Boolean b ? CellText.bool(b) : "";
            case NUMBER -> value instanceof BigDecimal number ? number(cell, number) : "";
            // A formula's cached result, whatever its type: number (date-formatted or not), text, boolean, error
            case FORMULA -> formulaResult(cell, value);
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private String formulaResult(Cell cell, Object value) {
        if (value instanceof BigDecimal number) {
            return number(cell, number);
        }
        if (value instanceof Boolean b) {
            return CellText.bool(b);
        }
        return value == null ? "" : value.toString();
    }

    private String number(Cell cell, BigDecimal value) {
        if (isDateFormat(formatId(cell), cell.getDataFormatString())) {
            String date = CellText.dateOrNull(value.doubleValue(), date1904);
            if (date != null) {
                return date;
            }
        }
        return CellText.number(value);
    }

    /**
     * {@link CellText#isDateFormat}, remembered per format: a workbook has a handful of number
     * formats, and POI's test (pattern matching, with a one-format cache that a row of dates and
     * plain numbers keeps missing) would otherwise run for every number cell.
     */
    private boolean isDateFormat(Integer formatId, String formatString) {
        FormatKey key = new FormatKey(formatId, formatString);
        Boolean known = dateFormats.get(key);
        if (known == null) {
            known = CellText.isDateFormat(formatId, formatString);
            if (dateFormats.size() < MAX_FORMATS) {
                dateFormats.put(key, known);
            }
        }
        return known;
    }

    private record FormatKey(Integer id, String format) {
    }

    private static Integer formatId(Cell cell) {
        try {
            return cell.getDataFormatId();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void closeRows() {
        if (rows != null) {
            rows.close();
            rows = null;
            rowIterator = null;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeRows();
        } finally {
            workbook.close();
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }
}
