package cn.sanshe.pipeline.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hpsf.WritingNotSupportedException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes sheets to .xlsx (streaming) or .xls, with merged titles and real number and date cells. */
final class WorkbookOut {

    private WorkbookOut() {
    }

    static void write(Path file, FileFormat format, List<SheetData> sheets, LocalDateTime savedAt) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (format == FileFormat.XLSX) {
            SXSSFWorkbook workbook = new SXSSFWorkbook(200);
            try {
                fill(workbook, sheets);
                POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
                // POI would record the wall clock here, and the pipeline knows a file by the SHA-256
                // of its bytes: the same seed must give the same bytes.
                core.setCreated(Optional.of(Date.from(savedAt.toInstant(ZoneOffset.ofHours(8)))));
                core.setCreator("Administrator");
                workbook.write(buffer);
            } finally {
                workbook.dispose();
                workbook.close();
            }
        } else {
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                fill(workbook, sheets);
                writeXls(workbook, buffer, Date.from(savedAt.toInstant(ZoneOffset.ofHours(8))));
            }
        }
        Files.write(file, buffer.toByteArray());
    }

    /**
     * HSSFWorkbook.write logs two warnings per new workbook (and info lines once property sets
     * exist), which would flood the demo's console; a file without property sets makes the
     * pipeline's reader warn instead. So the container is assembled here, with property sets as
     * Excel writes them.
     */
    private static void writeXls(HSSFWorkbook workbook, ByteArrayOutputStream out, Date created) throws IOException {
        workbook.createInformationProperties();
        SummaryInformation summary = workbook.getSummaryInformation();
        summary.getFirstSection().setCodepage(CodePageUtil.CP_UTF16);
        summary.setAuthor("Administrator");
        summary.setCreateDateTime(created);
        DocumentSummaryInformation document = workbook.getDocumentSummaryInformation();
        document.getFirstSection().setCodepage(CodePageUtil.CP_UTF16);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(workbook.getBytes()), "Workbook");
            fs.createDocument(summary.toInputStream(), SummaryInformation.DEFAULT_STREAM_NAME);
            fs.createDocument(document.toInputStream(), DocumentSummaryInformation.DEFAULT_STREAM_NAME);
            fs.writeFilesystem(out);
        } catch (WritingNotSupportedException e) {
            throw new IOException("cannot write the xls property sets", e);
        }
    }

    private static void fill(Workbook workbook, List<SheetData> sheets) {
        CellStyles styles = new CellStyles(workbook);
        for (SheetData data : sheets) {
            Sheet sheet = workbook.createSheet(data.name());
            int[] widths = new int[data.width()];
            for (int r = 0; r < data.lines().size(); r++) {
                Line line = data.lines().get(r);
                Row row = sheet.createRow(r);
                writeLine(row, line, styles);
                if (line.role() == Line.Role.TITLE) {
                    row.setHeightInPoints(26);
                }
                if (line.role() == Line.Role.HEADER && line.cells().stream().anyMatch(c -> c.display().contains("\n"))) {
                    row.setHeightInPoints(32);
                }
                if (spans(line.role()) && data.width() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, data.width() - 1));
                } else {
                    measure(line, widths);
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(50, Math.max(6, widths[c] + 2)) * 256);
            }
        }
    }

    private static boolean spans(Line.Role role) {
        return role == Line.Role.TITLE || role == Line.Role.FILL || role == Line.Role.SIGNATURE;
    }

    private static void writeLine(Row row, Line line, CellStyles styles) {
        for (int c = 0; c < line.cells().size(); c++) {
            Cell cell = line.cells().get(c);
            if (spans(line.role()) || line.role() == Line.Role.NOTE) {
                if (c == 0) {
                    row.createCell(0).setCellValue(cell.display());
                    row.getCell(0).setCellStyle(line.role() == Line.Role.TITLE ? styles.title : styles.plain);
                }
                continue;
            }
            org.apache.poi.ss.usermodel.Cell target = row.createCell(c);
            if (cell instanceof Cell.Text t) {
                target.setCellValue(t.value());
                target.setCellStyle(line.role() == Line.Role.HEADER ? styles.header : styles.body);
            } else if (cell instanceof Cell.Num n) {
                target.setCellValue(n.value());
                target.setCellStyle(styles.format(n.format()));
            } else if (cell instanceof Cell.Day d) {
                target.setCellValue(d.value());
                target.setCellStyle(styles.format(d.format()));
            } else {
                target.setCellStyle(styles.body);
            }
        }
    }

    /** Column widths in characters, CJK counting double, from the longest line of a cell. */
    private static void measure(Line line, int[] widths) {
        for (int c = 0; c < line.cells().size() && c < widths.length; c++) {
            for (String part : line.cells().get(c).display().split("\n")) {
                int w = part.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
                widths[c] = Math.max(widths[c], w);
            }
        }
    }
}
