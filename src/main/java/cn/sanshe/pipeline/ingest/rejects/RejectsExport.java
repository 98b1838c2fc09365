package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * Open rejected rows as a workbook to correct: one sheet per template, the template's standard
 * headers (so the corrected workbook is recognised on import whatever wording the clerk's own
 * form used), the reasons beside each row, and the source to find it. Streams, so a city's
 * rejects never sit in memory.
 */
@Service
public class RejectsExport {

    static final List<String> META = List.of("退回编号", "报送单位", "所属月份", "原文件", "原工作表", "原行号", "退回原因");

    private final RejectStore store;
    private final TemplateCatalog catalog;

    RejectsExport(RejectStore store, TemplateCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Writes .xlsx or .csv by the file's extension; returns the number of rows written. */
    public int write(Path out, String unitPrefix) throws IOException {
        return out.getFileName().toString().toLowerCase().endsWith(".csv") ? writeCsv(out, unitPrefix)
                : writeXlsx(out, unitPrefix);
    }

    private int writeXlsx(Path out, String unitPrefix) throws IOException {
        int[] rows = {0};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream stream = Files.newOutputStream(out)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<TemplateId, Sheet> sheets = new HashMap<>();
            store.eachOpen(unitPrefix, reject -> {
                Sheet sheet = sheets.computeIfAbsent(reject.template(), template -> newSheet(workbook, template, bold));
                Row row = sheet.createRow(sheet.getLastRowNum() + 1);
                List<String> cells = cells(reject);
                for (int i = 0; i < cells.size(); i++) {
                    // Text cells only: a spreadsheet never evaluates them, and the clerk's text stays as typed.
                    row.createCell(i).setCellValue(SafeCell.inert(cells.get(i)));
                }
                rows[0]++;
            });
            if (sheets.isEmpty()) {
                workbook.createSheet("没有待更正的记录");
            }
            workbook.write(stream);
            workbook.dispose();
        }
        return rows[0];
    }

    private Sheet newSheet(SXSSFWorkbook workbook, TemplateId template, CellStyle bold) {
        Sheet sheet = workbook.createSheet(template.name() + " " + template.title());
        Row header = sheet.createRow(0);
        List<String> names = new ArrayList<>(META);
        catalog.template(template).columns().forEach(column -> names.add(column.header()));
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(names.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.setColumnWidth(META.indexOf("退回原因"), 60 * 256);
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private int writeCsv(Path out, String unitPrefix) throws IOException {
        int[] rows = {0};
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            List<String> header = new ArrayList<>(List.of("模板"));
            header.addAll(META);
            header.add("原始内容");
            csv.printRecord(header);
            store.eachOpen(unitPrefix, reject -> {
                try {
                    List<String> record = new ArrayList<>(List.of(reject.template().name()));
                    record.addAll(cells(reject).subList(0, META.size()));
                    StringBuilder raw = new StringBuilder();
                    reject.rawCells().forEach((name, value) -> raw.append(raw.isEmpty() ? "" : "；")
                            .append(name).append('：').append(value));
                    record.add(raw.toString());
                    csv.printRecord(record.stream().map(SafeCell::inert).toList());
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        }
        return rows[0];
    }

    /** The meta columns, then the row's cells under the template's standard columns. */
    private List<String> cells(OpenReject reject) {
        List<String> cells = new ArrayList<>(List.of(Long.toString(reject.id()), reject.unitCode(),
                reject.period() == null ? "" : reject.period(), reject.file(), reject.sheet(),
                Integer.toString(reject.rowNo()), reject.reasons()));
        List<String> rawHeaders = new ArrayList<>(reject.rawCells().keySet());
        List<String> rawValues = new ArrayList<>(reject.rawCells().values());
        Optional<HeaderMatch> match = catalog.recognise(new SheetRow(1, rawHeaders));
        for (ColumnSpec column : catalog.template(reject.template()).columns()) {
            Integer index = match.map(m -> m.columnIndex().get(column.id())).orElse(null);
            cells.add(index == null || index >= rawValues.size() ? "" : rawValues.get(index));
        }
        return cells;
    }
}
