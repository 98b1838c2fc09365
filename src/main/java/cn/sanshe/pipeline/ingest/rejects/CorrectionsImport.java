package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.load.StagingRows;
import cn.sanshe.pipeline.ingest.read.FileRefusedException;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.read.WorkbookReader;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a corrected rejects workbook back: each row is found by its 退回编号, checked again with
 * the same rules as at ingest, and loaded under its original sheet and row when now right; a row
 * still wrong stays open with its new cells and reasons. Rows already corrected are left alone.
 */
@Service
public class CorrectionsImport {

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

    /** How the rows of the workbook fared. */
    public record Result(int loaded, int stillWrong, int notOpen, List<String> problems) {
    }

    @Transactional
    public Result read(Path workbook) throws Exception {
        int loaded = 0;
        int stillWrong = 0;
        int notOpen = 0;
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
                    SheetRow cells = new SheetRow(row.number(), row.cells().stream().map(SafeCell::restore).toList());
                    switch (apply(match.get(), header, cells, idColumn, problems)) {
                        case LOADED -> loaded++;
                        case STILL_WRONG -> stillWrong++;
                        case NOT_OPEN -> notOpen++;
                    }
                }
            }
        } catch (FileRefusedException e) {
            throw new IllegalArgumentException(workbook + "：" + e.getMessage(), e);
        }
        return new Result(loaded, stillWrong, notOpen, problems);
    }

    private enum Fate { LOADED, STILL_WRONG, NOT_OPEN }

    private Fate apply(HeaderMatch match, SheetRow header, SheetRow row, int idColumn, List<String> problems) {
        String idText = row.cell(idColumn).trim();
        Map<String, Object> reject = idText.matches("\\d+") ? store.open(Long.parseLong(idText)) : null;
        if (reject == null || !"open".equals(reject.get("status"))
                || !match.template().id().name().equals(reject.get("template"))) {
            problems.add("第" + row.number() + "行：退回编号“" + idText + "”不是待更正的" + match.template().id() + "记录，未处理");
            return Fate.NOT_OPEN;
        }
        long id = ((Number) reject.get("id")).longValue();
        long sheetId = ((Number) reject.get("sheet_id")).longValue();
        String unit = (String) reject.get("unit_code");
        String period = (String) reject.get("period");
        ValidationContext context = new ValidationContext(period == null ? null : YearMonth.parse(period),
                LocalDate.now(), this::divisionExists, unit);
        RowOutcome outcome = validator.check(match, row, context);
        if (outcome instanceof RowOutcome.Loaded loaded) {
            staging.insert(TemplateId.valueOf((String) reject.get("template")), sheetId,
                    ((Number) reject.get("row_no")).intValue(), unit, loaded);
            store.corrected(id, sheetId);
            return Fate.LOADED;
        }
        String reasons = outcome instanceof RowOutcome.Rejected rejected
                ? IdentityNumber.maskIn(String.join("；", rejected.reasons())) : "更正后的行为空";
        store.stillWrong(id, cellsUnderHeader(header, row), reasons);
        problems.add("第" + row.number() + "行（退回编号 " + id + "）仍有错误：" + reasons);
        return Fate.STILL_WRONG;
    }

    private boolean divisionExists(String code) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code);
        return found != null && found > 0;
    }

    private static Map<String, String> cellsUnderHeader(SheetRow header, SheetRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = RejectsExport.META.size(); i < header.cells().size(); i++) {
            cells.put(header.cell(i), row.cell(i));
        }
        return cells;
    }
}
