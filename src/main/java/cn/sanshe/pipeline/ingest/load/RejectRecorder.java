package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.system.IdentityVault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejected rows for the stewards: the cells as read, paired with the sheet's header texts and
 * encrypted (a roster row holds an identity number), and every reason joined by "；" — with any
 * identity number a reason quotes (typed into the wrong column) masked.
 */
class RejectRecorder {

    static final String REASON_SEPARATOR = "；";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final IdentityVault vault;
    private final List<Object[]> pending = new ArrayList<>();

    RejectRecorder(JdbcTemplate jdbc, IdentityVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    void add(long sheetId, IngestItem.Row row, RowOutcome.Rejected rejected) {
        SheetContext sheet = row.sheet();
        SheetContext.RowPeriod period = row.periodOrOwn();
        pending.add(new Object[] {sheetId, row.row().number(), sheet.match().template().id().name(), sheet.unitCode(),
            sheet.districtCode(), period == null || period.period() == null ? null : period.period().toString(),
            vault.encrypt(JSON.writeValueAsString(rawCells(sheet.headerCells(), row.row().cells()))),
            IngestWriter.truncate(IdentityNumber.maskIn(String.join(REASON_SEPARATOR, rejected.reasons())), 2000)});
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO ingest_reject (sheet_id, row_no, template, unit_code, district_code, period, raw_cipher,
                                           reasons, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', CURRENT_TIMESTAMP(6))""", pending);
        pending.clear();
    }

    /** Header text → cell text, in column order; cells beyond the header keep their column letter. */
    static Map<String, String> rawCells(List<String> header, List<String> cells) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(header.size(), cells.size()); i++) {
            String name = i < header.size() && !header.get(i).isBlank() ? header.get(i).trim() : columnLetter(i);
            if (raw.containsKey(name)) {
                name = name + "(" + columnLetter(i) + ")";
            }
            raw.put(name, i < cells.size() ? cells.get(i) : "");
        }
        return raw;
    }

    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
