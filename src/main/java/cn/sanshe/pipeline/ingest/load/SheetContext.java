package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.ValueKind;
import cn.sanshe.pipeline.ingest.validate.Values;
import java.time.YearMonth;
import java.util.List;

/**
 * A recognised sheet: its file, template and header, and the period and unit its rows fall back
 * on. Shared by the items of the sheet.
 *
 * @param period      what a row without a 统计月份 of its own belongs to: the title's period, else
 *                    the file's
 * @param titlePeriod the one period the title names, or null
 * @param filePeriod  the drop folder's period, or the one given on the command line; null if none
 * @param byHand      the file was loaded by hand ({@code ingest-file --period}), not from a drop folder
 */
public record SheetContext(long fileId, String sheetName, HeaderMatch match, List<String> headerCells,
        YearMonth period, String unitCode, YearMonth titlePeriod, YearMonth filePeriod, boolean byHand) {

    public SheetContext(long fileId, String sheetName, HeaderMatch match, List<String> headerCells, YearMonth period,
            String unitCode) {
        this(fileId, sheetName, match, headerCells, period, unitCode, null, period, false);
    }

    public String districtCode() {
        return unitCode.substring(0, 6);
    }

    /** Where a row's period came from: its own 统计月份 column, the title, the drop folder or the command. */
    enum PeriodSource {
        COLUMN("统计月份列"), TITLE("标题"), FOLDER("文件夹"), COMMAND("命令");

        final String label;

        PeriodSource(String label) {
            this.label = label;
        }
    }

    /** A row's period and where it came from, as sources.md orders them. */
    record RowPeriod(YearMonth period, PeriodSource source) {
    }

    /**
     * The period of a row read from its cells (a rejected or skipped row's too): its own valid
     * 统计月份, else the title's, else the folder's or command's. Null period when none is known.
     */
    RowPeriod periodOf(List<String> cells) {
        Integer index = periodColumnIndex();
        if (index != null && index < cells.size() && !cells.get(index).isBlank()) {
            var own = Values.period(cells.get(index));
            if (own.isPresent()) {
                return new RowPeriod(own.get(), PeriodSource.COLUMN);
            }
        }
        return fallback();
    }

    /** The period of a loaded row, which the validator has already decided: no cell is parsed again. */
    RowPeriod periodOf(YearMonth loaded, List<String> cells) {
        Integer index = periodColumnIndex();
        if (index != null && index < cells.size() && !cells.get(index).isBlank()) {
            return new RowPeriod(loaded, PeriodSource.COLUMN);
        }
        RowPeriod fallback = fallback();
        return loaded.equals(fallback.period()) ? fallback : new RowPeriod(loaded, PeriodSource.COLUMN);
    }

    private Integer periodColumnIndex() {
        if (match != null) {
            for (ColumnSpec column : match.template().columns()) {
                if (column.kind() == ValueKind.PERIOD && match.columnIndex().containsKey(column.id())) {
                    return match.columnIndex().get(column.id());
                }
            }
        }
        return null;
    }

    RowPeriod fallback() {
        if (titlePeriod != null) {
            return new RowPeriod(titlePeriod, PeriodSource.TITLE);
        }
        return new RowPeriod(filePeriod, byHand ? PeriodSource.COMMAND : PeriodSource.FOLDER);
    }

    /**
     * The accounting note of a part of the sheet filed under {@code period}: where the title or the
     * folder said otherwise (标题为2026年8月，按统计月份列记为2026-09); null when all agree.
     */
    String disagreement(RowPeriod part) {
        if (part.period() == null) {
            return null;
        }
        StringBuilder note = new StringBuilder();
        if (part.source() == PeriodSource.COLUMN && titlePeriod != null && !titlePeriod.equals(part.period())) {
            note.append("标题为").append(chinese(titlePeriod));
        }
        if (part.source() != PeriodSource.FOLDER && part.source() != PeriodSource.COMMAND && filePeriod != null
                && !filePeriod.equals(part.period())) {
            note.append(note.isEmpty() ? "" : "、").append(byHand ? "命令指定为" : "文件夹为").append(filePeriod);
        }
        if (note.isEmpty()) {
            return null;
        }
        return note.append("，按").append(part.source().label).append("记为").append(part.period()).toString();
    }

    private static String chinese(YearMonth period) {
        return period.getYear() + "年" + period.getMonthValue() + "月";
    }
}
