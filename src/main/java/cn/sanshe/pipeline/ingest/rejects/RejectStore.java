package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.system.IdentityVault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and updates {@code ingest_reject}, decrypting the raw cells for those who fix them. */
@Component
public class RejectStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> CELLS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final IdentityVault vault;

    RejectStore(JdbcTemplate jdbc, IdentityVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /**
     * Open rejects under a code prefix (a street's 9 digits, a district's 6, …; null for all) that the
     * filter keeps, streamed by template, then as the clerks' files hold them.
     */
    public void eachOpen(String unitPrefix, RejectFilter filter, Consumer<OpenReject> sink) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(unitPrefix == null ? "" : unitPrefix, args);
        jdbc.query("""
                SELECT r.id, r.template, f.path, s.sheet_name, r.row_no, r.unit_code, r.period, r.reasons, r.raw_cipher
                FROM ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id JOIN ingest_file f ON f.id = s.file_id
                WHERE %s
                ORDER BY r.template, r.district_code, r.unit_code, f.path, s.sheet_name, r.row_no""".formatted(where),
                rs -> {
                    sink.accept(new OpenReject(rs.getLong(1), TemplateId.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            cells(rs.getString(9))));
                }, args.toArray());
    }

    public Map<String, Object> open(long id) {
        return jdbc.queryForList("""
                SELECT r.id, r.sheet_id, r.row_no, r.template, r.unit_code, r.period, r.status
                FROM ingest_reject r WHERE r.id = ?""", id).stream().findFirst().orElse(null);
    }

    /** The cells of a rejected row as the clerk sent them (or as last corrected), keyed by their headers. */
    public Map<String, String> rawCells(long id) {
        return jdbc.queryForList("SELECT raw_cipher FROM ingest_reject WHERE id = ?", String.class, id).stream()
                .findFirst().map(this::cells).orElse(Map.of());
    }

    /** The name of a street (9 digits) or district (6) in the division reference; null when unknown. */
    public String unitName(String unitCode) {
        if (unitCode == null || unitCode.isBlank() || unitCode.length() > 12) {
            return null;
        }
        String code = unitCode + "0".repeat(12 - unitCode.length());
        return jdbc.queryForList("SELECT name FROM division WHERE code = ?", String.class, code).stream()
                .findFirst().orElse(null);
    }

    void corrected(long id, long sheetId) {
        jdbc.update("UPDATE ingest_reject SET status = 'corrected', resolved_at = CURRENT_TIMESTAMP(6) WHERE id = ?", id);
        // The row now counts as loaded: the sheet's accounting still adds up.
        jdbc.update("UPDATE ingest_sheet SET rows_rejected = rows_rejected - 1, rows_loaded = rows_loaded + 1 "
                + "WHERE id = ?", sheetId);
    }

    void stillWrong(long id, Map<String, String> cells, String reasons) {
        jdbc.update("UPDATE ingest_reject SET raw_cipher = ?, reasons = ? WHERE id = ?",
                vault.encrypt(JSON.writeValueAsString(cells)), reasons, id);
    }

    private Map<String, String> cells(String cipher) {
        return JSON.readValue(vault.decrypt(cipher), CELLS);
    }
}
