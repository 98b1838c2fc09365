package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.system.BulkRows;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in the text form {@code LOAD DATA} reads (tab between fields, newline after a row, {@code \N}
 * for null, backslash escapes), written straight to UTF-8 bytes. A row's text is made on the
 * checking threads, beside the reading; the writer only joins the rows' bytes, so formatting costs
 * the step's own thread nothing.
 */
final class StagingText {

    private byte[] bytes;
    private int length;
    private int rows;

    StagingText(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** A field with the tab that separates it from the one before. */
    StagingText next(Object value) {
        put((byte) '\t');
        return field(value);
    }

    StagingText field(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof Boolean flag) {
            put((byte) (flag ? '1' : '0'));
        } else if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof java.time.temporal.TemporalAccessor) {
            ascii(value.toString());
        } else {
            text(value.toString());
        }
        return this;
    }

    /** Ends a row. */
    StagingText endRow() {
        put((byte) '\n');
        rows++;
        return this;
    }

    /** A whole number, as the first field of a row (the sheet id the writer knows). */
    StagingText number(long value) {
        ascii(Long.toString(value));
        return this;
    }

    /** Appends bytes made by another {@code StagingText}: one or more whole rows. */
    StagingText rows(byte[] text, int rowCount) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        rows += rowCount;
        return this;
    }

    /** A copy of the text written so far. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    int rowCount() {
        return rows;
    }

    int length() {
        return length;
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    /** Empties the buffer for the next chunk, keeping its capacity. */
    void clear() {
        length = 0;
        rows = 0;
    }

    /** UTF-8 with LOAD DATA's escapes; most values have none to escape and are encoded as they are. */
    private void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                text = escaped(text);
                break;
            }
        }
        // String.getBytes is the JDK's vectorised encoder: faster than any loop of ours.
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        BulkRows.appendEscaped(escaped, text);
        return escaped.toString();
    }

    /** Digits, signs, dashes and points only: one byte per char, nothing to escape. */
    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
