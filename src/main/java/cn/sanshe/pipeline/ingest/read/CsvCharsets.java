package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides how a CSV file's bytes are to be read as text, never assuming: the BOM if there is one,
 * else well-formed UTF-8, else juniversalchardet over a sample. Streets send UTF-8 (Excel's "CSV UTF-8", WPS) or GBK
 * (Excel's plain "CSV" on a Chinese Windows); anything else is refused by name, because reading
 * Big5 or Shift_JIS as GBK would load well-formed garbage.
 */
final class CsvCharsets {

    static final int SAMPLE_BYTES = 64 * 1024;
    /** GB18030 is a superset of GBK and GB2312, which the detector may report for the same bytes. */
    static final Charset GB18030 = Charset.forName("GB18030");

    /** The charset to read with, how many BOM bytes to skip, and the name to give the clerk. */
    record Decision(Charset charset, int bomLength, String displayName) {
    }

    private CsvCharsets() {
    }

    static Decision decide(Path file, long size) throws IOException, FileRefusedException {
        return decide(Bytes.of(file, size));
    }

    /** As {@link #decide(Path, long)}, for a file already read whole. */
    static Decision decide(byte[] whole) throws IOException, FileRefusedException {
        return decide(Bytes.of(whole));
    }

    /** A file's bytes as deciding needs them: its size, a stretch of it, the first non-ASCII byte from a point. */
    private interface Bytes {
        long size();

        byte[] readAt(long from, int length) throws IOException;

        long findNonAscii(long from) throws IOException;

        static Bytes of(Path file, long size) {
            return new Bytes() {
                public long size() {
                    return size;
                }

                public byte[] readAt(long from, int length) throws IOException {
                    return CsvCharsets.readAt(file, from, length);
                }

                public long findNonAscii(long from) throws IOException {
                    return CsvCharsets.findNonAscii(file, from);
                }
            };
        }

        static Bytes of(byte[] whole) {
            return new Bytes() {
                public long size() {
                    return whole.length;
                }

                public byte[] readAt(long from, int length) {
                    int start = (int) Math.min(from, whole.length);
                    return Arrays.copyOfRange(whole, start, Math.min(whole.length, start + length));
                }

                public long findNonAscii(long from) {
                    for (int i = (int) from; i < whole.length; i++) {
                        if (whole[i] < 0) {
                            return i;
                        }
                    }
                    return -1;
                }
            };
        }
    }

    private static Decision decide(Bytes file) throws IOException, FileRefusedException {
        long size = file.size();
        byte[] head = file.readAt(0, (int) Math.min(size, SAMPLE_BYTES));
        if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
            throw unsupported("UTF-32");
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return checkedText(head, 3, new Decision(StandardCharsets.UTF_8, 3, "UTF-8"));
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Decision(StandardCharsets.UTF_16LE, 2, "UTF-16");
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Decision(StandardCharsets.UTF_16BE, 2, "UTF-16");
        }
        checkedText(head, 0, null);
        byte[] sample = head;
        int firstHigh = firstNonAscii(head);
        if (firstHigh < 0 && size > head.length) {
            // A long ASCII start (codes, numbers) says nothing: look where the first Chinese text is.
            long at = file.findNonAscii(head.length);
            if (at >= 0) {
                long from = Math.max(0, at - 1024);
                sample = file.readAt(from, (int) Math.min(size - from, SAMPLE_BYTES));
                checkedText(sample, 0, null);
                firstHigh = 0;
            }
        }
        if (firstHigh < 0) {
            return new Decision(StandardCharsets.UTF_8, 0, "UTF-8"); // pure ASCII reads the same in all of them
        }
        if (decodesCleanly(sample, StandardCharsets.UTF_8)) {
            // Chinese in well-formed UTF-8 is unmistakable (GBK, Big5 or Shift_JIS text almost never
            // is): two thirds of the files need no detector, which costs more to set up than to run.
            return new Decision(StandardCharsets.UTF_8, 0, "UTF-8");
        }
        String detected = detect(sample);
        String key = detected == null ? "" : detected.toUpperCase(Locale.ROOT);
        switch (key) {
            case "UTF-8":
                return new Decision(StandardCharsets.UTF_8, 0, "UTF-8");
            case "GB18030", "GBK", "GB2312":
                return new Decision(GB18030, 0, "GBK");
            case "BIG5", "EUC-TW", "SHIFT_JIS", "EUC-JP", "ISO-2022-JP", "ISO-2022-CN", "ISO-2022-KR", "EUC-KR",
                    "HZ-GB-2312", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE":
                throw unsupported(describe(key));
            default:
                // Nothing, or a single-byte Western or Cyrillic guess: the detector's guess on a few
                // Chinese characters can be as wild as IBM855. Well-formed UTF-8 was taken above; GBK
                // is accepted when it reads as ordinary Chinese text.
                if (looksLikeGbkChinese(sample)) {
                    return new Decision(GB18030, 0, "GBK");
                }
                throw detected == null ? new FileRefusedException(Reasons.CSV_CHARSET_UNKNOWN)
                        : unsupported(describe(key));
        }
    }

    /**
     * Text never holds NUL bytes outside UTF-16 and hardly any other control bytes; a file that does is
     * binary (a picture, an archive, a database file) whatever its name.
     */
    private static Decision checkedText(byte[] sample, int from, Decision decision) throws FileRefusedException {
        int controls = 0;
        for (int i = from; i < sample.length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                throw new FileRefusedException(Reasons.NOT_A_TABLE);
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                controls++;
            }
        }
        if (controls > 8 && controls * 100L > sample.length - from) {
            throw new FileRefusedException(Reasons.NOT_A_TABLE);
        }
        return decision;
    }

    /**
     * One detector per thread, reset between files: making one builds its dozens of probers and their
     * tables, which cost more than the detection itself on a file's first 64 KB.
     */
    private static final ThreadLocal<UniversalDetector> DETECTORS = ThreadLocal.withInitial(UniversalDetector::new);

    private static String detect(byte[] sample) {
        UniversalDetector detector = DETECTORS.get();
        detector.reset();
        try {
            detector.handleData(sample, 0, sample.length);
            detector.dataEnd();
            return detector.getDetectedCharset();
        } finally {
            detector.reset();
        }
    }

    static boolean decodesCleanly(byte[] sample, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(4096);
        ByteBuffer in = ByteBuffer.wrap(sample);
        while (true) {
            // endOfInput=false: a sample may end in the middle of a character
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }

    /**
     * GBK bytes that decode cleanly and are, for nine in ten double-byte characters, in the GB2312
     * rows of hanzi and full-width punctuation (lead byte A1-F7, trail A1-FE). Shift_JIS or Big5
     * text read as GBK lands mostly outside those rows.
     */
    static boolean looksLikeGbkChinese(byte[] sample) {
        if (!decodesCleanly(sample, GB18030)) {
            return false;
        }
        int doubles = 0;
        int common = 0;
        for (int i = 0; i < sample.length; i++) {
            int lead = sample[i] & 0xFF;
            if (lead < 0x80) {
                continue;
            }
            if (i + 1 >= sample.length) {
                break;
            }
            int trail = sample[i + 1] & 0xFF;
            if (trail >= 0x30 && trail <= 0x39) {
                i += 3; // a four-byte GB18030 sequence
                doubles++;
                continue;
            }
            doubles++;
            if (lead >= 0xA1 && lead <= 0xF7 && trail >= 0xA1) {
                common++;
            }
            i++;
        }
        return doubles > 0 && common * 10 >= doubles * 9;
    }

    private static FileRefusedException unsupported(String what) {
        return new FileRefusedException(String.format(Locale.ROOT, Reasons.CSV_CHARSET_UNSUPPORTED, what));
    }

    private static String describe(String detected) {
        return switch (detected) {
            case "BIG5", "EUC-TW" -> detected.equals("BIG5") ? "Big5（繁体中文）" : "EUC-TW（繁体中文）";
            case "SHIFT_JIS", "EUC-JP", "ISO-2022-JP" -> detected + "（日文）";
            case "EUC-KR", "ISO-2022-KR" -> detected + "（韩文）";
            case "ISO-2022-CN", "HZ-GB-2312" -> detected + "（较少见的中文编码）";
            case "UTF-16BE", "UTF-16LE" -> "没有BOM的UTF-16";
            default -> detected + "（非中文编码）";
        };
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static long findNonAscii(Path file, long from) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            byte[] buf = new byte[SAMPLE_BYTES];
            long position = from;
            int n;
            while ((n = in.read(buf)) > 0) {
                int at = firstNonAscii(n == buf.length ? buf : Arrays.copyOf(buf, n));
                if (at >= 0) {
                    return position + at;
                }
                position += n;
            }
            return -1;
        }
    }

    private static byte[] readAt(Path file, long from, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            return in.readNBytes(length);
        }
    }
}
