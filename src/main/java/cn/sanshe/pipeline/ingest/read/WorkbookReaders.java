package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Opens a file sent in by a street or district as a {@link WorkbookReader}, or refuses it whole
 * with the reason in Chinese.
 *
 * <p>The format is told by the file's first bytes, never by its name: clerks rename files, save a
 * .xlsx under a .xls name, or send a CSV called .xls. A zip is read as .xlsx, an OLE2 container as
 * .xls, and anything else as CSV text if it is text.
 */
public final class WorkbookReaders {

    private static final int MAGIC_BYTES = 64;

    private WorkbookReaders() {
    }

    /**
     * Why a file was refused when reading it ran out of memory after all (a shape no limit foresaw):
     * the last line, so that one file never takes the run down with it.
     */
    public static String outOfMemoryReason() {
        return String.format(java.util.Locale.ROOT, Reasons.MEMORY_BUDGET, ReadLimits.DEFAULTS.memoryBudgetBytes()
                / ReadLimits.MIB);
    }

    /** How a CSV file's text is encoded: its charset, the length of its byte order mark, a name for people. */
    public record CsvText(java.nio.charset.Charset charset, int bomLength, String displayName) {
    }

    /**
     * The encoding of a CSV file decided as for the inbox (UTF-8 with or without BOM, GBK,
     * GB18030), and the whole file checked to decode cleanly in it; otherwise refused with the
     * reason (what it was detected as, or the line with bytes that do not decode).
     */
    public static CsvText csvText(Path file) throws FileRefusedException {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new FileRefusedException(Reasons.EMPTY);
            }
            CsvCharsets.Decision decision = CsvCharsets.decide(file, size);
            CsvScan.check(file, decision, ReadLimits.DEFAULTS);
            return new CsvText(decision.charset(), decision.bomLength(), decision.displayName());
        } catch (IOException e) {
            throw new FileRefusedException(Reasons.UNREADABLE, e);
        }
    }

    public static WorkbookReader open(Path file) throws FileRefusedException {
        return open(file, ReadLimits.DEFAULTS);
    }

    static WorkbookReader open(Path file, ReadLimits limits) throws FileRefusedException {
        long size;
        byte[] head;
        try {
            if (!Files.isRegularFile(file)) {
                throw new FileRefusedException(Reasons.UNREADABLE);
            }
            size = Files.size(file);
            if (size == 0) {
                throw new FileRefusedException(Reasons.EMPTY);
            }
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(MAGIC_BYTES);
            }
        } catch (IOException e) {
            throw new FileRefusedException(Reasons.UNREADABLE, e);
        }
        FileMagic magic = FileMagic.valueOf(head.length >= 8 ? head : Arrays.copyOf(head, 8));
        switch (magic) {
            case OOXML:
                List<XlsxCapturedReader.CapturedSheet> read = XlsxInspector.inspect(file, limits);
                return read != null ? new XlsxCapturedReader(read) : XlsxReader.open(file);
            case OLE2:
                return XlsReader.open(file, limits);
            case BIFF2, BIFF3, BIFF4:
                throw new FileRefusedException(Reasons.TOO_OLD);
            case HTML:
                // what many web systems "export to Excel": an HTML table saved as .xls
                throw new FileRefusedException(Reasons.HTML);
            case XML:
                // Excel 2003 "XML Spreadsheet", or any other XML
                throw new FileRefusedException(Reasons.XML);
            case PDF, RTF, WORD2, MSWRITE, JPEG, GIF, PNG, TIFF, WMF, EMF, BMP:
                throw new FileRefusedException(Reasons.NOT_A_TABLE);
            default:
                markupAsText(head);
                try {
                    return CsvReader.open(file, limits);
                } catch (IOException e) {
                    throw new FileRefusedException(Reasons.UNREADABLE, e);
                }
        }
    }

    /** FileMagic misses markup after a BOM or blank lines; such files are web pages or XML, not CSV. */
    private static void markupAsText(byte[] head) throws FileRefusedException {
        String start = new String(head, StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").strip().toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml")) {
            throw new FileRefusedException(Reasons.XML);
        }
        if (start.startsWith("<html") || start.startsWith("<!doctype html") || start.startsWith("<table")
                || start.startsWith("<meta")) {
            throw new FileRefusedException(Reasons.HTML);
        }
    }
}
