package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import java.time.YearMonth;
import java.util.List;

/**
 * A recognised sheet: its file, template and header, and the period and unit its rows fall back
 * on. Shared by the items of the sheet.
 */
public record SheetContext(long fileId, String sheetName, HeaderMatch match, List<String> headerCells,
        YearMonth period, String unitCode) {

    public String districtCode() {
        return unitCode.substring(0, 6);
    }
}
