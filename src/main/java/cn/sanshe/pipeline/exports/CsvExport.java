package cn.sanshe.pipeline.exports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one csv writer of the exports: UTF-8 with a BOM (so Excel shows the Chinese right), quoting
 * by Commons CSV, and every cell through {@link SpreadsheetText#cell(Object)} — nothing in a csv
 * export is a live formula, whoever typed it.
 */
public final class CsvExport implements Closeable {

    private final Writer writer;
    private final CSVPrinter printer;
    private int rows;

    private CsvExport(Writer writer) throws IOException {
        this.writer = writer;
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
    }

    /** A new file (its folder made if missing), replacing one already there. */
    public static CsvExport create(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new CsvExport(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
    }

    /** Over a writer someone else opened (a web response); the BOM is written first. */
    public static CsvExport over(Writer writer) throws IOException {
        return new CsvExport(writer);
    }

    public CsvExport header(List<String> names) {
        return record(names);
    }

    public CsvExport header(String... names) {
        return record(Arrays.asList(names));
    }

    /** One line; counted as a data row. */
    public CsvExport row(List<?> values) {
        record(values);
        rows++;
        return this;
    }

    public CsvExport row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** The current row of a result set, every column in order; the labels as header before the first. */
    public CsvExport resultRow(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        if (rows == 0) {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                labels.add(meta.getColumnLabel(i));
            }
            header(labels);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.add(rs.getObject(i));
        }
        return row(values);
    }

    /** Data rows written so far (headers not counted). */
    public int rows() {
        return rows;
    }

    private CsvExport record(List<?> values) {
        try {
            for (Object value : values) {
                printer.print(SpreadsheetText.cell(value));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.close();
    }
}
