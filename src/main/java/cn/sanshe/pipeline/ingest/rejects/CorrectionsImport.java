package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.exports.SpreadsheetText;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.load.StagingRows;
import cn.sanshe.pipeline.ingest.read.FileRefusedException;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.read.WorkbookReader;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a corrected rejects workbook back: each row is found by its 退回编号, checked again with
 * the same rules as at ingest, and loaded under its original sheet and row when now right; a row
 * still wrong stays open with its new cells and reasons. A cell returned as it was shown (a masked
 * identity number, a birth year) stands for what was sent. Rows nobody changed are not mentioned
 * (they are loaded if they now pass, say after a division was added); rows already corrected are
 * left alone. Messages name the sheet and the row; every import leaves a line in the log.
 */
@Service
public class CorrectionsImport {

    private static final Logger log = LoggerFactory.getLogger(CorrectionsImport.class);

    private final RejectStore store;
    private final TemplateCatalog catalog;
    private final StagingRows staging;
    private final JdbcTemplate jdbc;
    private final RowValidator validator = new RowValidator();

    CorrectionsImport(RejectStore store, TemplateCatalog catalog, StagingRows staging, JdbcTemplate jdbc) {
        this.store = store;
        this.catalog = catalog;
        this.staging = staging;
        this.jdbc = jdbc;
    }

    /**
     * How the rows of the workbook fared.
     *
     * @param unchanged rows returned exactly as exported and still wrong: not mentioned in {@code problems}
     * @param problems  one line per changed row still wrong, or row that is no open reject, naming sheet and row
     */
    public record Result(int loaded, int stillWrong, int notOpen, int unchanged, List<String> problems) {
    }

    /** A workbook uploaded through a browser: read from the stream (kept in a temporary file meanwhile). */
    @Transactional
    public Result read(InputStream workbook, String name) throws Exception {
        String suffix = name != null && name.toLowerCase().endsWith(".xls") ? ".xls" : ".xlsx";
        Path copy = Files.createTempFile("corrections-", suffix);
        try {
            Files.copy(workbook, copy, StandardCopyOption.REPLACE_EXISTING);
            return read(copy, name == null ? copy.getFileName().toString() : name);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Transactional
    public Result read(Path workbook) throws Exception {
        return read(workbook, workbook.getFileName().toString());
    }

    private Result read(Path workbook, String name) throws IOException {
        int[] counts = new int[4];
        List<String> problems = new ArrayList<>();
        try (WorkbookReader reader = WorkbookReaders.open(workbook)) {
            while (reader.nextSheet()) {
                SheetRow header = reader.nextRow();
                Optional<HeaderMatch> match = header == null ? Optional.empty() : catalog.recognise(header);
                int idColumn = header == null ? -1 : header.cells().indexOf(RejectsExport.META.get(0));
                if (match.isEmpty() || idColumn < 0) {
                    continue;
                }
                SheetRow row;
                while ((row = reader.nextRow()) != null) {
                    if (row.isBlank()) {
                        continue;
                    }
                    SheetRow cells = new SheetRow(row.number(),
                            row.cells().stream().map(SpreadsheetText::restore).toList());
                    counts[apply(reader.sheetName(), match.get(), header, cells, idColumn, problems).ordinal()]++;
                }
            }
        } catch (FileRefusedException e) {
            throw new IllegalArgumentException(name + "：" + e.getMessage(), e);
        }
        Result result = new Result(counts[Fate.LOADED.ordinal()], counts[Fate.STILL_WRONG.ordinal()],
                counts[Fate.NOT_OPEN.ordinal()], counts[Fate.UNCHANGED.ordinal()], problems);
        log.info("import corrections {}: loaded {}, still wrong {}, unchanged {}, not open {}", name, result.loaded(),
                result.stillWrong(), result.unchanged(), result.notOpen());
        return result;
    }

    private enum Fate { LOADED, STILL_WRONG, NOT_OPEN, UNCHANGED }

    private Fate apply(String sheet, HeaderMatch match, SheetRow header, SheetRow row, int idColumn,
            List<String> problems) {
        String where = "工作表“" + sheet + "”第" + row.number() + "行";
        String idText = row.cell(idColumn).trim();
        Map<String, Object> reject = idText.matches("\\d+") ? store.open(Long.parseLong(idText)) : null;
        Template template = match.template();
        if (reject == null || !"open".equals(reject.get("status"))
                || !template.id().name().equals(reject.get("template"))) {
            problems.add(where + "：退回编号“" + idText + "”不是待更正的" + template.id().name() + " "
                    + template.id().title() + "记录，未处理");
            return Fate.NOT_OPEN;
        }
        long id = ((Number) reject.get("id")).longValue();
        long sheetId = ((Number) reject.get("sheet_id")).longValue();
        String unit = (String) reject.get("unit_code");
        String period = (String) reject.get("period");

        List<String> sent = RejectCells.sent(catalog, template, store.rawCells(id));
        RejectCells.ReadBack back = RejectCells.readBack(match, row, RejectCells.shown(template, sent), sent);
        ValidationContext context = new ValidationContext(period == null ? null : YearMonth.parse(period),
                LocalDate.now(), this::divisionExists, unit);
        RowOutcome outcome = validator.check(match, back.toCheck(), context);
        if (outcome instanceof RowOutcome.Loaded loaded) {
            staging.insert(TemplateId.valueOf((String) reject.get("template")), sheetId,
                    ((Number) reject.get("row_no")).intValue(), unit, loaded);
            store.corrected(id, sheetId);
            return Fate.LOADED;
        }
        if (back.unchanged()) {
            return Fate.UNCHANGED;
        }
        String reasons = outcome instanceof RowOutcome.Rejected rejected
                ? IdentityNumber.maskIn(String.join("；", rejected.reasons())) : "更正后的行为空";
        store.stillWrong(id, RejectCells.byHeader(template, back.cells()), reasons);
        problems.add(where + "（退回编号 " + id + "）仍有错误：" + reasons);
        return Fate.STILL_WRONG;
    }

    private boolean divisionExists(String code) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code);
        return found != null && found > 0;
    }
}
