package cn.sanshe.pipeline.ingest.read;

import java.io.BufferedReader;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as a workbook of one sheet named after the file. By the time it is opened the file has
 * passed {@link CsvScan}, so the strict decoder and the parser below do not fail on it; if the file
 * changes under us they still fail loudly rather than read garbage.
 */
final class CsvReader implements WorkbookReader {

    /*
     * DEFAULT: comma, double quotes, any line ending; records may have any number of fields.
     * Empty lines come through as records (and are dropped below) so that a record's number is the
     * row a spreadsheet shows it on: Excel and WPS give each record one row, also when a quoted
     * cell spans several lines. Trailing data: "abc"def reads as abcdef, as Excel reads it,
     * instead of failing the whole file.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();

    private final String sheetName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private boolean sheetStarted;
    private boolean sheetDone;
    private boolean closed;

    private CsvReader(String sheetName, CSVParser parser) {
        this.sheetName = sheetName;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * Files up to this size (nearly every one a street sends: a few hundred rows) are read once and
     * decoded once, for the checks and the parser alike; larger ones are streamed, twice.
     */
    static final int READ_WHOLE_BYTES = 1 << 20;

    static CsvReader open(Path file, ReadLimits limits) throws IOException, FileRefusedException {
        return open(file, limits, READ_WHOLE_BYTES);
    }

    /** @param readWholeBytes the largest file read whole (tests pass 0 to stream every file) */
    static CsvReader open(Path file, ReadLimits limits, int readWholeBytes) throws IOException, FileRefusedException {
        byte[] whole = WholeFile.upTo(file, readWholeBytes);   // null: larger (or grew since): streamed
        if (whole != null) {
            CharBuffer text = CsvScan.checkedText(whole, CsvCharsets.decide(whole), limits);
            return new CsvReader(baseName(file), CSVParser.builder()
                    .setReader(new CharArrayReader(text.array(), 0, text.limit())).setFormat(FORMAT).get());
        }
        CsvCharsets.Decision decision = CsvCharsets.decide(file, Files.size(file));
        CsvScan.check(file, decision, limits);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(decision.bomLength());
            BufferedReader text = new BufferedReader(new InputStreamReader(in, decision.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            return new CsvReader(baseName(file), CSVParser.builder().setReader(text).setFormat(FORMAT).get());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public boolean nextSheet() {
        ensureOpen();
        if (sheetStarted) {
            sheetDone = true;
            return false;
        }
        sheetStarted = true;
        return true;
    }

    @Override
    public String sheetName() {
        if (!sheetStarted || sheetDone) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        return sheetName;
    }

    @Override
    public SheetRow nextRow() throws IOException {
        ensureOpen();
        if (!sheetStarted) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        if (sheetDone) {
            return null;
        }
        try {
            while (true) {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                List<String> cells = List.of(record.values());   // one copy; SheetRow keeps it as it is
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue; // an empty line: absent, like an empty row a spreadsheet does not store
                }
                return new SheetRow(Math.toIntExact(record.getRecordNumber()), cells);
            }
        } catch (UncheckedIOException e) {
            throw new IOException("CSV文件在读取过程中出错：" + e.getCause().getMessage(), e.getCause());
        } catch (IllegalStateException e) {
            throw new IOException("CSV文件在读取过程中出错：" + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            parser.close();
        }
    }
}
