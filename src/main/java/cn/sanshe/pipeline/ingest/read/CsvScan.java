package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One pass over a whole CSV file before any row is handed out, so that a file is refused whole, at
 * once, rather than after some of its rows have gone on: bytes that are not valid in the decided
 * charset (strict decoding, with the line they are on), NUL characters, a quote opened and never
 * closed, a record so long it could only be a runaway quote. Constant memory whatever the size.
 *
 * <p>The quote rules follow commons-csv's {@code DEFAULT} with trailing data allowed, the format
 * {@link CsvReader} parses with: a quote opens a quoted field only as a field's first character;
 * inside, {@code ""} is a quote; after the closing quote, anything up to the delimiter is kept.
 */
final class CsvScan {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final int maxRecordChars;
    private int state = FIELD_START;
    private long line = 1;
    private long recordStartLine = 1;
    private long recordChars;
    private boolean afterCr;

    private CsvScan(int maxRecordChars) {
        this.maxRecordChars = maxRecordChars;
    }

    static void check(Path file, CsvCharsets.Decision decision, ReadLimits limits)
            throws IOException, FileRefusedException {
        CsvScan scan = new CsvScan(limits.maxCsvRecordChars());
        CharsetDecoder decoder = decision.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            stream.skipNBytes(decision.bomLength());
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, eof);
                in.compact();
                scan.feed(out);
                if (result.isError()) {
                    // everything before the bad bytes has been fed, so the line is exact
                    throw new FileRefusedException(String.format(Locale.ROOT, Reasons.CSV_BAD_BYTES,
                            decision.displayName(), scan.line));
                }
                if (eof && result.isUnderflow()) {
                    break;
                }
            }
            if (decoder.flush(out).isError()) {
                throw new FileRefusedException(String.format(Locale.ROOT, Reasons.CSV_BAD_BYTES,
                        decision.displayName(), scan.line));
            }
            scan.feed(out);
        }
        scan.end();
    }

    /**
     * The same checks for a file already read whole, decoded once: the text to parse (after any
     * BOM), so that a small file is not read and decoded again by the parser.
     */
    static CharBuffer checkedText(byte[] whole, CsvCharsets.Decision decision, ReadLimits limits)
            throws FileRefusedException {
        CsvScan scan = new CsvScan(limits.maxCsvRecordChars());
        CharsetDecoder decoder = decision.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(whole, decision.bomLength(), whole.length - decision.bomLength());
        // No charset read here takes more than one char per byte (UTF-16 two bytes a char).
        CharBuffer text = CharBuffer.allocate(whole.length);
        CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        text.flip();
        scan.feed(text.array(), 0, text.limit());
        if (result.isError()) {
            // everything before the bad bytes has been checked, so the line is exact
            throw new FileRefusedException(String.format(Locale.ROOT, Reasons.CSV_BAD_BYTES,
                    decision.displayName(), scan.line));
        }
        if (result.isOverflow()) {
            throw new IllegalStateException("decoded text longer than its bytes in " + decision.displayName());
        }
        scan.end();
        return text;
    }

    private void feed(CharBuffer chars) throws FileRefusedException {
        chars.flip();
        feed(chars.array(), chars.arrayOffset() + chars.position(), chars.arrayOffset() + chars.limit());
        chars.clear();
    }

    /**
     * {@link #accept} for every character, with the common case taken in runs: inside a field only
     * the characters that can end it, end a line or refuse the file (NUL) change the state, so a run
     * of others just adds to the record's length, as {@code accept} would one by one.
     */
    private void feed(char[] chars, int from, int to) throws FileRefusedException {
        int i = from;
        while (i < to) {
            if (state == UNQUOTED || state == QUOTED) {
                char end = state == UNQUOTED ? ',' : '"';
                int start = i;
                while (i < to) {
                    char c = chars[i];
                    if (c == end || c == '\n' || c == '\r' || c == '\0') {
                        break;
                    }
                    i++;
                }
                if (i > start) {
                    afterCr = false;
                    recordChars += i - start;
                    if (recordChars > maxRecordChars) {
                        throw recordTooLong();
                    }
                }
                if (i == to) {
                    return;
                }
            }
            accept(chars[i++]);
        }
    }

    private void accept(char c) throws FileRefusedException {
        if (c == '\0') {
            throw new FileRefusedException(Reasons.NOT_A_TABLE);
        }
        boolean newline = c == '\n' || c == '\r';
        // lines as commons-csv counts them: \r\n, \n and a lone \r each end one
        if (c == '\n' && afterCr) {
            afterCr = false;
        } else if (newline) {
            line++;
            afterCr = c == '\r';
        } else {
            afterCr = false;
        }
        switch (state) {
            case FIELD_START, UNQUOTED -> {
                if (c == '"' && state == FIELD_START) {
                    state = QUOTED;
                } else if (c == ',') {
                    state = FIELD_START;
                } else if (newline) {
                    endRecord();
                } else {
                    state = UNQUOTED;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTE_IN_QUOTED;
                }
            }
            default -> { // QUOTE_IN_QUOTED: the quote just seen either doubles or closes
                if (c == '"') {
                    state = QUOTED;
                } else if (c == ',') {
                    state = FIELD_START;
                } else if (newline) {
                    endRecord();
                } else {
                    state = UNQUOTED;
                }
            }
        }
        if (state != FIELD_START || !newline) {
            if (++recordChars > maxRecordChars) {
                throw recordTooLong();
            }
        }
    }

    private FileRefusedException recordTooLong() {
        return new FileRefusedException(String.format(Locale.ROOT, Reasons.CSV_RECORD_TOO_LONG, recordStartLine,
                maxRecordChars));
    }

    private void endRecord() {
        state = FIELD_START;
        recordChars = 0;
        recordStartLine = line;
    }

    private void end() throws FileRefusedException {
        if (state == QUOTED) {
            throw new FileRefusedException(String.format(Locale.ROOT, Reasons.CSV_OPEN_QUOTE, recordStartLine));
        }
    }
}
