package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.IOUtils;

/**
 * An Excel 97-2003 .xls, read with POI's HSSF. The format caps a sheet at 65,536 rows and the file
 * size is capped by {@link ReadLimits#maxXlsBytes()}, so reading the workbook whole is bounded.
 *
 * <p>An OLE2 file is not necessarily an .xls: a password-protected .xlsx is an OLE2 container
 * holding {@code EncryptionInfo} and {@code EncryptedPackage}, a Word .doc holds
 * {@code WordDocument}. Those are told apart here by the container's entries.
 */
final class XlsReader implements WorkbookReader {

    private static final Set<String> ENCRYPTED_MARKERS = Set.of("EncryptionInfo", "EncryptedPackage",
            "\u0006DataSpaces");

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final boolean date1904;
    private int sheetIndex = -1;
    private Iterator<Row> rows;
    private boolean closed;

    private XlsReader(POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fs = fs;
        this.workbook = workbook;
        this.date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
    }

    static XlsReader open(Path file, ReadLimits limits) throws FileRefusedException {
        PoiGuards.ensure(limits);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new FileRefusedException(Reasons.UNREADABLE, e);
        }
        if (size > limits.maxXlsBytes()) {
            throw new FileRefusedException(String.format(Locale.ROOT, Reasons.XLS_TOO_BIG,
                    limits.maxXlsBytes() / ReadLimits.MIB));
        }
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            DirectoryNode root = fs.getRoot();
            for (String marker : ENCRYPTED_MARKERS) {
                if (root.hasEntryCaseInsensitive(marker)) {
                    throw new FileRefusedException(Reasons.ENCRYPTED);
                }
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                // Word, PowerPoint, Outlook messages ... share the OLE2 container
                throw new FileRefusedException(Reasons.NOT_A_TABLE);
            }
            // preserveNodes=false: macros, pictures and the like are not kept in memory
            HSSFWorkbook workbook = new HSSFWorkbook(root, false);
            return new XlsReader(fs, workbook);
        } catch (FileRefusedException e) {
            closeQuietly(fs);
            throw e;
        } catch (EncryptedDocumentException e) {
            // a FILEPASS record with a real password (the default "VelvetSweatshop" one POI opens itself)
            closeQuietly(fs);
            throw new FileRefusedException(Reasons.ENCRYPTED, e);
        } catch (OldExcelFormatException e) {
            closeQuietly(fs);
            throw new FileRefusedException(Reasons.TOO_OLD, e);
        } catch (IOException | RuntimeException e) {
            // RecordFormatException, "allocation exceeds maximum" from IOUtils, broken sector chains ...
            closeQuietly(fs);
            throw new FileRefusedException(Reasons.CORRUPT, e);
        }
    }

    @Override
    public boolean nextSheet() {
        ensureOpen();
        if (sheetIndex + 1 >= workbook.getNumberOfSheets()) {
            sheetIndex = workbook.getNumberOfSheets();
            rows = null;
            return false;
        }
        sheetIndex++;
        rows = workbook.getSheetAt(sheetIndex).rowIterator();
        return true;
    }

    @Override
    public String sheetName() {
        if (rows == null) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        return workbook.getSheetName(sheetIndex);
    }

    @Override
    public SheetRow nextRow() throws IOException {
        ensureOpen();
        if (rows == null) {
            throw new IllegalStateException("no current sheet: call nextSheet() first");
        }
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        try {
            return new SheetRow(row.getRowNum() + 1, cells(row));
        } catch (RuntimeException e) {
            throw new IOException(Reasons.CORRUPT, e);
        }
    }

    private List<String> cells(Row row) {
        int count = Math.max(0, row.getLastCellNum()); // one past the last cell's column; -1 for none
        List<String> cells = new ArrayList<>(count);
        for (int column = 0; column < count; column++) {
            Cell cell = row.getCell(column);
            cells.add(cell == null ? "" : text(cell, cell.getCellType()));
        }
        return CellText.trimTrailingEmpty(cells);
    }

    private String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(cell);
            case BOOLEAN -> CellText.bool(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            case ERROR -> errorText(cell.getErrorCellValue());
            case BLANK, _NONE -> "";
        };
    }

    /*
     * The raw value, not DataFormatter: a display format would add thousands separators, round to
     * the shown decimals or turn 0.5 into 50%; the clerk's value is the number itself.
     */
    private String number(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell) || eastAsianDateFormat(cell)) {
            String date = CellText.dateOrNull(value, date1904);
            if (date != null) {
                return date;
            }
        }
        return CellText.number(value);
    }

    /** See {@link CellText#isDateFormat}: the built-in Chinese date formats POI does not know as dates. */
    private static boolean eastAsianDateFormat(Cell cell) {
        short id = cell.getCellStyle().getDataFormat();
        String format = cell.getCellStyle().getDataFormatString();
        return CellText.isDateFormat((int) id, format);
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
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
            workbook.close();
        } finally {
            fs.close();
        }
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    /**
     * POI's own guards are JVM-wide statics shared with every other user of POI in the process, so
     * they are only ever tightened back to safe values here, never loosened: if something has
     * weakened them, a hostile .xls could make POI allocate far beyond the file's size.
     */
    static final class PoiGuards {

        private static final double MIN_INFLATE_RATIO = 0.01; // POI's default: 100:1, like ours
        private static final long MAX_ENTRY_SIZE = 0xFFFFFFFFL; // POI's default

        private PoiGuards() {
        }

        static synchronized void ensure(ReadLimits limits) {
            if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
                ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
            }
            if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_SIZE) {
                ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
            }
            // -1 (unset) keeps POI's per-record maxima. An override replaces them all; above the file
            // size cap no legitimate allocation for one of our .xls files can be, so clamp it there.
            long override = IOUtils.getByteArrayMaxOverride();
            if (override > limits.maxXlsBytes()) {
                IOUtils.setByteArrayMaxOverride((int) Math.min(Integer.MAX_VALUE, limits.maxXlsBytes()));
            }
        }
    }
}
