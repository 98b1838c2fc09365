package cn.sanshe.pipeline.ingest.read;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamException;

/**
 * Looks through an .xlsx (a zip of XML parts) before any spreadsheet library touches it, inflating
 * every entry once into nothing while counting. That one pass refuses what would hurt later:
 *
 * <ul>
 *   <li>zip bombs: too many bytes in total, too many entries, or an entry inflating to more than
 *       100 times its compressed size (real spreadsheet XML stays far below), checked from its
 *       first megabyte on and found, for a 200 MB bomb, after some 20 MB, never after the lot;</li>
 *   <li>DOCTYPE / ENTITY declarations (billion laughs, external entities): a spreadsheet never has
 *       them, so their mere presence refuses the file; no XML parser ever sees them;</li>
 *   <li>markup that would make the streaming reader allocate without bound: a cell reference past
 *       column XFD (it sizes each row by its highest column) or one text run of many megabytes
 *       (Excel holds at most 32,767 characters in a cell);</li>
 *   <li>truncated or corrupt zips (no central directory, inflate errors);</li>
 *   <li>zips that are no spreadsheet at all (.docx, .pptx, plain archives) and .xlsb.</li>
 * </ul>
 *
 * <p>The entries are walked through the zip's central directory ({@link ZipFile}), not its local
 * headers ({@code ZipInputStream}): the directory is what fastexcel reads by, so the scan sees
 * exactly the bytes the reader will, and it gives each entry's true compressed size. The local
 * headers would not do anyway: POI (and EasyExcel on top of it, which many government systems
 * export with) writes local headers {@code ZipInputStream} rejects ("invalid entry size") in files
 * Excel opens without complaint.
 */
final class XlsxInspector {

    private static final int BUFFER = 64 * 1024;

    private XlsxInspector() {
    }

    /**
     * Refuses the file or lets it pass; a plain workbook's sheets come back as they were read on the
     * way ({@link XlsxCapture}), anything else as null, to be read by fastexcel.
     */
    static List<XlsxCapturedReader.CapturedSheet> inspect(Path file, ReadLimits limits) throws FileRefusedException {
        Set<String> names = new HashSet<>();
        String contentTypes = null;
        Totals totals = new Totals();
        XlsxCapture capture = new XlsxCapture();
        XlsxParts parts = new XlsxParts(limits, capture);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxZipEntries()) {
                throw new FileRefusedException(Reasons.ZIP_BOMB);
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!names.add(name)) {
                    // Two entries of one name: which one a reader takes is up to the reader. Not a real workbook.
                    throw new FileRefusedException(Reasons.CORRUPT);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                InputStream raw = zip.getInputStream(entry);
                CheckedEntry in;
                try {
                    in = new CheckedEntry(raw, name, entry, limits, totals);
                    checkEntry(name, in, parts);
                } finally {
                    raw.close();
                }
                if (in.markup != null && in.markup.malformed()) {
                    // decided at the entry's end, so that a bomb (long runs of one byte) is called a bomb
                    throw new FileRefusedException(Reasons.CORRUPT);
                }
                if (in.kept != null) {
                    contentTypes = in.kept.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (FileRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ZipException (no central directory: cut off; bad data), EOFException, mangled names ...
            throw new FileRefusedException(Reasons.CORRUPT, e);
        }
        if (names.isEmpty()) {
            throw new FileRefusedException(Reasons.CORRUPT);
        }
        if (contentTypes == null) {
            // A complete zip without the package's table of contents: an ordinary archive, not a workbook.
            throw new FileRefusedException(Reasons.NOT_A_TABLE);
        }
        if (contentTypes.contains("ms-excel.sheet.binary")) {
            throw new FileRefusedException(Reasons.XLSB);
        }
        if (!contentTypes.contains("spreadsheetml") && !contentTypes.contains("ms-excel")) {
            // .docx, .pptx and other Office packages share the zip magic
            throw new FileRefusedException(Reasons.NOT_A_TABLE);
        }
        parts.finish();
        return capture.sheets();
    }

    private static void checkEntry(String name, CheckedEntry in, XlsxParts parts)
            throws IOException, FileRefusedException {
        try {
            if (in.looksLikeXml()) {
                // Every part that could be XML is parsed as the reader would parse it, whatever its
                // name: a sheet renamed sheet2.png is still opened by the reader through its
                // relationship, so it is checked here too, after XML decoding.
                parts.check(name, in);
            }
            in.drain();
        } catch (IOException | XMLStreamException e) {
            FileRefusedException refusal = refusalIn(e);
            if (refusal != null) {
                throw refusal;
            }
            if (in.markup != null && in.markup.malformed()) {
                in.drainQuietly();
            }
            // XML the reader could not parse either: broken off, or not XML after all
            throw new FileRefusedException(Reasons.CORRUPT, e);
        }
    }

    /** The refusal behind an I/O error, however deep a parser wrapped it; null if there is none. */
    static FileRefusedException refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refusal refusal) {
                return (FileRefusedException) refusal.getCause();
            }
            if (t instanceof FileRefusedException refused) {
                return refused;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** A refusal travelling through a parser as an I/O error. */
    static final class Refusal extends IOException {
        Refusal(FileRefusedException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class Totals {
        long inflated;
        /** Where the rest of each entry is drained to: one per file, not one per entry (a workbook has a dozen). */
        final byte[] drain = new byte[BUFFER];
    }

    /**
     * One entry as it inflates, every byte counted and checked on its way to whoever reads it (the
     * XML check, or nothing): the total, the inflate ratio, the shared strings' size, the markup.
     */
    private static final class CheckedEntry extends FilterInputStream {

        private final String name;
        private final long compressed;
        private final ReadLimits limits;
        private final Totals totals;
        private final boolean sharedStrings;
        private final byte[] head = new byte[8];
        private int headLength;
        private int headPosition;
        private long produced;
        MarkupCheck markup;
        ByteArrayOutputStream kept;

        CheckedEntry(InputStream in, String name, ZipEntry entry, ReadLimits limits, Totals totals) throws IOException {
            super(in);
            this.name = name;
            // the stream reads no more than the directory's compressed size, so the ratio is real
            this.compressed = Math.max(1, entry.getCompressedSize());
            this.limits = limits;
            this.totals = totals;
            this.sharedStrings = name.toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
            this.kept = "[Content_Types].xml".equals(name) ? new ByteArrayOutputStream() : null;
            // the first bytes say whether the entry is XML: read them now and hand them out again
            byte[] first = in.readNBytes(head.length);
            headLength = first.length;
            System.arraycopy(first, 0, head, 0, headLength);
            if (mayHoldXml(name) || looksLikeXml()) {
                markup = new MarkupCheck();
            }
            checked(head, 0, headLength);
        }

        /** Starts with '<' after an optional byte order mark and white space, or with a UTF-16 mark. */
        boolean looksLikeXml() {
            int i = 0;
            if (headLength >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF
                    || head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)) {
                return true;
            }
            if (headLength >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
                i = 3;
            }
            while (i < headLength && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'
                    || head[i] == 0)) {
                i++;
            }
            return i < headLength ? head[i] == '<' : false;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (headPosition < headLength) {
                int n = Math.min(len, headLength - headPosition);
                System.arraycopy(head, headPosition, b, off, n);
                headPosition += n;
                return n;
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                checked(b, off, n);
            }
            return n;
        }

        private void checked(byte[] b, int off, int n) throws IOException {
            try {
                produced += n;
                totals.inflated += n;
                if (totals.inflated > limits.maxUncompressedBytes()) {
                    throw new FileRefusedException(Reasons.ZIP_BOMB);
                }
                if (produced > limits.ratioGraceBytes() && produced > limits.maxInflateRatio() * compressed) {
                    throw new FileRefusedException(Reasons.ZIP_BOMB);
                }
                if (sharedStrings && produced > limits.maxSharedStringsBytes()) {
                    throw new FileRefusedException(String.format(Locale.ROOT, Reasons.TOO_MANY_STRINGS,
                            limits.maxSharedStringsBytes() / ReadLimits.MIB));
                }
                if (markup != null) {
                    boolean before = markup.malformed();
                    markup.check(b, off, off + n);
                    if (!before && markup.malformed()) {
                        // no parser gets markup past this point; the rest is only counted (a bomb is a bomb)
                        throw new IOException("malformed markup in " + name);
                    }
                }
                if (kept != null && kept.size() < ReadLimits.MIB) {
                    kept.write(b, off, n);
                }
            } catch (FileRefusedException e) {
                throw new Refusal(e);
            }
        }

        /** Left to the caller: a parser giving up must not close what is still to be counted. */
        @Override
        public void close() {
        }

        void drain() throws IOException {
            byte[] buf = totals.drain;
            while (read(buf, 0, buf.length) > 0) {
                // counted and checked on the way
            }
        }

        /** After malformed markup: count the rest for the bomb checks, nothing else. */
        void drainQuietly() throws FileRefusedException {
            MarkupCheck seen = markup;
            markup = null;
            try {
                drain();
            } catch (IOException e) {
                FileRefusedException refusal = refusalIn(e);
                if (refusal != null) {
                    throw refusal;
                }
            } finally {
                markup = seen;
            }
        }
    }

    /**
     * Images and embedded files are not parsed by anyone and may legitimately carry a DOCTYPE (an SVG
     * picture); everything else may be, since the package's content types, not the extension, say
     * which part is a sheet.
     */
    private static boolean mayHoldXml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "png", "jpg", "jpeg", "gif", "bmp", "emf", "wmf", "tif", "tiff", "svg", "wdp", "bin", "xlsx",
                    "xlsm", "docx", "pptx", "vsdx", "doc", "xls", "ppt", "ole" -> false;
            default -> true;
        };
    }

    /**
     * Byte-level checks on a part that may be XML, fed buffer by buffer (state carries across
     * buffers). NUL bytes are skipped, so the same markup in UTF-16 or UTF-32 is caught too. A
     * declaration refuses at once; markup a reader would choke on is noted as {@link #malformed()}.
     */
    static final class MarkupCheck {

        private static final byte[] DOCTYPE = "<!doctype".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ENTITY = "<!entity".getBytes(StandardCharsets.US_ASCII);
        /** Far above a cell's 32,767 characters even escaped, far below what could hurt. */
        static final long MAX_TEXT_RUN = 8 * ReadLimits.MIB;

        private int doctype;
        private int entity;
        private long textRun;
        // cell references: whitespace, r, [ws] =, [ws], quote, then the column letters
        private int refState;
        private int refLetters;
        private byte previous = ' ';
        private boolean malformed;

        /** The bytes from {@code from} up to {@code end} of a parser's buffer, read where they lie. */
        void check(byte[] buf, int from, int end) throws FileRefusedException {
            for (int i = from; i < end; i++) {
                if (doctype == 0 && entity == 0 && refState == 0) {
                    // The common case, and most bytes of a sheet: outside any word or reference a byte
                    // other than '<', 'r' and NUL changes nothing but the text run. Pass over such runs
                    // in a tight loop; every other byte takes the full path below.
                    int start = i;
                    while (i < end && buf[i] != '<' && buf[i] != 'r' && buf[i] != 0) {
                        i++;
                    }
                    if (i > start) {
                        textRun += i - start;
                        previous = buf[i - 1];
                        if (textRun > MAX_TEXT_RUN) {
                            malformed = true;
                        }
                    }
                    if (i == end) {
                        return;
                    }
                }
                byte b = buf[i];
                if (b == 0) {
                    continue;
                }
                byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
                doctype = advance(DOCTYPE, doctype, lower);
                entity = advance(ENTITY, entity, lower);
                if (doctype == DOCTYPE.length || entity == ENTITY.length) {
                    throw new FileRefusedException(Reasons.XML_ENTITY);
                }
                textRun = b == '<' ? 0 : textRun + 1;
                if (textRun > MAX_TEXT_RUN) {
                    malformed = true;
                }
                cellReference(b);
                previous = b;
            }
        }

        boolean malformed() {
            return malformed;
        }

        // Both words start with '<' and have no other '<', so a mismatch restarts at 0 or 1 exactly.
        private static int advance(byte[] word, int matched, byte b) {
            if (b == word[matched]) {
                return matched + 1;
            }
            return b == '<' ? 1 : 0;
        }

        /**
         * An attribute r="ABCD1": Excel's last column is XFD, three letters, and the streaming reader
         * sizes a row by its highest column. Letters must be followed by a digit to count, so text
         * such as {@code r="hello"} in a cell never trips it.
         */
        private void cellReference(byte b) {
            boolean space = isSpace(b);
            switch (refState) {
                case 0 -> refState = b == 'r' && isSpace(previous) ? 1 : 0;
                case 1 -> refState = b == '=' ? 2 : space ? 1 : 0;
                case 2 -> {
                    if (b == '"' || b == '\'') {
                        refState = 3;
                        refLetters = 0;
                    } else if (!space) {
                        refState = 0;
                    }
                }
                default -> {
                    if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z') {
                        refLetters++;
                    } else if (b >= '0' && b <= '9' && refLetters > 3) {
                        malformed = true;
                        refState = 0;
                    } else if (b != '$') {
                        refState = 0;
                    }
                }
            }
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }
    }
}
