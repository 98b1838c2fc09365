package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.reference.DemoDivisions;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hand-made database states for indicator tests: files, sheets, staged rows and master records
 * inserted directly, small enough to check every figure by hand.
 *
 * <p>Besides the demo city (石家庄, 1301), a tiny test city under the unused province code 91:
 * <pre>
 * 910100 测试市
 *   910102 甲区   910102001 一街道  communities 001 002 003 004 (urban)
 *                910102002 二镇    communities 001 (urban), 201 202 (rural)
 *   910103 乙区   (no streets, no communities)
 *   910121 丙县   (no streets, no communities)
 * </pre>
 */
final class IndicatorFixtures {

    static final String SEPT = "2026-09";
    static final String OCT = "2026-10";

    static final String CITY = "910100000000";
    static final String JIA = "910102000000";
    static final String YI = "910103000000";
    static final String BING = "910121000000";
    static final String STREET_1 = "910102001";
    static final String STREET_2 = "910102002";
    static final String A1 = "910102001001";
    static final String A2 = "910102001002";
    static final String A3 = "910102001003";
    static final String A4 = "910102001004";
    static final String B1 = "910102002001";
    static final String B201 = "910102002201";
    static final String B202 = "910102002202";

    /** Province prefixes the tests insert their own division subtrees under (removed again after). */
    static final List<String> SYNTHETIC = List.of("91", "62", "22");

    private static final AtomicLong FILES = new AtomicLong();

    private final JdbcTemplate jdbc;
    private final Map<Long, String[]> sheets = new HashMap<>();
    private final Map<Long, Integer> rows = new HashMap<>();

    IndicatorFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table the indicators read or write, makes sure of the demo city and builds the test city. */
    IndicatorFixtures reset(DivisionLoader divisions) throws Exception {
        for (String table : new String[] {"indicator_value", "indicator_run", "org_review", "master_apart",
            "master_override", "master_field_source", "worker_cert_no", "reconcile_conflict", "steward_decision", "org_source",
            "org_master_asof", "worker_master_asof",
            "worker_source", "org_master", "worker_master", "stg_s1_community", "stg_s2_org_ledger", "stg_s3_worker",
            "stg_s4_street_centre", "stg_d1_org_registry", "stg_d2_incubator", "stg_d3_certificate", "ingest_reject",
            "ingest_sheet", "ingest_drop", "ingest_file"}) {
            jdbc.update("DELETE FROM " + table);
        }
        DemoDivisions.ensure(jdbc, divisions);
        removeSyntheticDivisions();
        division("910000000000", "测试省", "province", null);
        division(CITY, "测试市", "city", null);
        division(JIA, "甲区", "district", null);
        division(YI, "乙区", "district", null);
        division(BING, "丙县", "district", null);
        division(STREET_1 + "000", "一街道", "street", null);
        division(STREET_2 + "000", "二镇", "street", null);
        for (String code : List.of(A1, A2, A3, A4, B1)) {
            division(code, "社区" + code.substring(9), "community", "urban");
        }
        division(B201, "一村", "community", "rural");
        division(B202, "二村", "community", "rural");
        return this;
    }

    void removeSyntheticDivisions() {
        for (String prefix : SYNTHETIC) {
            jdbc.update("DELETE FROM division WHERE code LIKE ?", prefix + "%");
        }
    }

    void division(String code, String name, String level, String urbanRural) {
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))""",
                code, name, level, parent(code, level), urbanRural,
                List.of("district", "street", "community").contains(level) ? code.substring(0, 6) : null,
                List.of("street", "community").contains(level) ? code.substring(0, 9) : null);
    }

    private static String parent(String code, String level) {
        return switch (level) {
            case "city" -> code.substring(0, 2) + "0000000000";
            case "district" -> code.substring(0, 4) + "00000000";
            case "street" -> code.substring(0, 6) + "000000";
            case "community" -> code.substring(0, 9) + "000";
            default -> null;
        };
    }

    // ---- files and sheets ----------------------------------------------------------------------

    /** A loaded file of one sheet of the template, dropped under {@code <period>/<unit>/}; returns the sheet id. */
    long sheet(String template, String unit, String period) {
        long fileId = file(unit, period, template + "-" + FILES.incrementAndGet() + ".xlsx");
        jdbc.update("""
                INSERT INTO ingest_sheet (file_id, sheet_name, template, header_row, unit_code, district_code, period)
                VALUES (?, 'Sheet1', ?, 1, ?, ?, ?)""", fileId, template, unit, unit.substring(0, 6), period);
        long id = jdbc.queryForObject("SELECT id FROM ingest_sheet WHERE file_id = ?", Long.class, fileId);
        sheets.put(id, new String[] {unit, period});
        return id;
    }

    /** A new sheet of the same unit, period and template that replaces {@code earlier} (a corrected resubmission). */
    long resubmit(long earlier, String template) {
        String[] of = sheets.get(earlier);
        long newer = sheet(template, of[0], of[1]);
        jdbc.update("UPDATE ingest_sheet SET superseded_by = ? WHERE id = ?", newer, earlier);
        return newer;
    }

    /** The same bytes as the file of {@code sheetId} dropped again, under another month's and unit's folder. */
    void copyDropped(long sheetId, String period, String unit) {
        long fileId = jdbc.queryForObject("SELECT file_id FROM ingest_sheet WHERE id = ?", Long.class, sheetId);
        jdbc.update("""
                INSERT INTO ingest_drop (path, size_bytes, modified_at, file_id, seen_at)
                VALUES (?, 100, 0, ?, CURRENT_TIMESTAMP(6))""", period + "/" + unit + "/copy-" + fileId + ".xlsx",
                fileId);
    }

    private long file(String unit, String period, String name) {
        String path = period + "/" + unit + "/" + name;
        String sha = String.format("%064x", FILES.incrementAndGet());
        jdbc.update("""
                INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at, status,
                                         received_at, loaded_at)
                VALUES (?, ?, ?, ?, ?, 100, 0, 'loaded', CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""",
                sha, path, unit, unit.substring(0, 6), period);
        long id = jdbc.queryForObject("SELECT id FROM ingest_file WHERE sha256 = ?", Long.class, sha);
        jdbc.update("INSERT INTO ingest_drop (path, size_bytes, modified_at, file_id, seen_at) "
                + "VALUES (?, 100, 0, ?, CURRENT_TIMESTAMP(6))", path, id);
        return id;
    }

    /** The next row number of a sheet; counts the row as loaded. */
    private int nextRow(long sheetId) {
        jdbc.update("UPDATE ingest_sheet SET rows_loaded = rows_loaded + 1, rows_read = rows_read + 1 WHERE id = ?",
                sheetId);
        return rows.merge(sheetId, 1, Integer::sum) + 1;  // row 1 is the header
    }

    private String unit(long sheetId) {
        return sheets.get(sheetId)[0];
    }

    private String period(long sheetId) {
        return sheets.get(sheetId)[1];
    }

    private long lastId(String table, long sheetId, int rowNo) {
        return jdbc.queryForObject("SELECT id FROM " + table + " WHERE sheet_id = ? AND row_no = ?", Long.class,
                sheetId, rowNo);
    }

    /** A rejected row of a sheet: {@code open}, {@code corrected} or {@code superseded}. */
    void reject(long sheetId, String template, String status) {
        jdbc.update("UPDATE ingest_sheet SET rows_rejected = rows_rejected + 1, rows_read = rows_read + 1 WHERE id = ?",
                sheetId);
        int rowNo = rows.merge(sheetId, 1, Integer::sum) + 1;
        jdbc.update("""
                INSERT INTO ingest_reject (sheet_id, row_no, template, unit_code, district_code, period, raw_cipher, reasons,
                                           status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'x', '户数：不是整数', ?, CURRENT_TIMESTAMP(6))""",
                sheetId, rowNo, template, unit(sheetId), unit(sheetId).substring(0, 6), period(sheetId), status);
    }

    // ---- staged rows without masters -----------------------------------------------------------

    void s1(long sheetId, String community, long households, long population, Number area) {
        jdbc.update("""
                INSERT INTO stg_s1_community (sheet_id, row_no, period, unit_code, district_code, community_code,
                                              community_name, households, population, facility_area)
                VALUES (?, ?, ?, ?, ?, ?, '社区', ?, ?, ?)""",
                sheetId, nextRow(sheetId), period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6), community,
                households, population, area == null ? null : new BigDecimal(area.toString()));
    }

    void s4(long sheetId, String street9, boolean built, Number area) {
        jdbc.update("""
                INSERT INTO stg_s4_street_centre (sheet_id, row_no, period, unit_code, district_code, street_code,
                                                  street_name, centre_built, centre_area)
                VALUES (?, ?, ?, ?, ?, ?, '街道', ?, ?)""",
                sheetId, nextRow(sheetId), period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6), street9,
                built, area == null ? null : new BigDecimal(area.toString()));
    }

    /** An incubator of a district's D2 register. */
    void d2(long sheetId, String name, String level, String street9, Number area, Long inIncubation, Long cumulative,
            Long graduated) {
        jdbc.update("""
                INSERT INTO stg_d2_incubator (sheet_id, row_no, period, unit_code, district_code, name, level, street_code,
                                              area, in_incubation, cumulative, graduated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sheetId, nextRow(sheetId), period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6), name, level,
                street9, new BigDecimal(area.toString()), inIncubation, cumulative, graduated);
    }

    // ---- organizations -------------------------------------------------------------------------

    /** An organization's master record as reconcile leaves it; returns its id. */
    long org(String community, String name, String regStatus, String orgType, Integer rating, Boolean swAgency) {
        jdbc.update("""
                INSERT INTO org_master (district_code, community_code, name, norm_name, reg_status, org_type, rating,
                                        is_sw_agency, first_period, last_period, dirty, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '9999-12', '0000-01', FALSE, CURRENT_TIMESTAMP(6))""",
                community.substring(0, 6), community, name, name, regStatus, orgType, rating, swAgency);
        return jdbc.queryForObject("SELECT MAX(id) FROM org_master", Long.class);
    }

    void mergedInto(long master, long into) {
        jdbc.update("UPDATE org_master SET merged_into = ? WHERE id = ?", into, master);
    }

    /** A row of a street's S2 ledger, linked to its master. */
    long s2(long sheetId, long master) {
        Map<String, Object> m = jdbc.queryForMap("SELECT * FROM org_master WHERE id = ?", master);
        int rowNo = nextRow(sheetId);
        jdbc.update("""
                INSERT INTO stg_s2_org_ledger (sheet_id, row_no, period, unit_code, district_code, org_name, reg_status,
                                               org_type, community_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sheetId, rowNo, period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6), m.get("name"),
                m.get("reg_status"), m.get("org_type"), m.get("community_code"));
        long stgId = lastId("stg_s2_org_ledger", sheetId, rowNo);
        link("org_source", "S2", stgId, master, sheetId, (String) m.get("name"));
        return stgId;
    }

    /** A row of a district's D1 registry extract with that status (正常, 注销, 撤销), linked to its master. */
    long d1(long sheetId, long master, String registryStatus) {
        Map<String, Object> m = jdbc.queryForMap("SELECT * FROM org_master WHERE id = ?", master);
        int rowNo = nextRow(sheetId);
        jdbc.update("""
                INSERT INTO stg_d1_org_registry (sheet_id, row_no, period, unit_code, district_code, credit_code, org_name,
                                                 org_type, reg_status, community_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sheetId, rowNo, period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6),
                String.format("52%016d", master), m.get("name"), Optional.ofNullable(m.get("org_type")).orElse("社会团体"),
                registryStatus, m.get("community_code"));
        long stgId = lastId("stg_d1_org_registry", sheetId, rowNo);
        link("org_source", "D1", stgId, master, sheetId, (String) m.get("name"));
        return stgId;
    }

    // ---- workers -------------------------------------------------------------------------------

    /** A worker's master record; {@code certified}: a certificate the D3 register holds. */
    long worker(String name, String district6, boolean certified, String education) {
        String hash = String.format("%064x", FILES.incrementAndGet() + 1_000_000L);
        jdbc.update("""
                INSERT INTO worker_master (district_code, name, id_hash, id_cipher, id_masked, education, cert_verified,
                                           cert_level, on_roster, first_period, last_period, dirty, updated_at)
                VALUES (?, ?, ?, 'cipher', '910102********0000', ?, ?, ?, TRUE, '9999-12', '0000-01', FALSE,
                        CURRENT_TIMESTAMP(6))""",
                district6, name, hash, education, certified, certified ? "社会工作师" : null);
        return jdbc.queryForObject("SELECT id FROM worker_master WHERE id_hash = ?", Long.class, hash);
    }

    /** A row of a street's S3 roster, linked to the worker's master. */
    long s3(long sheetId, long worker, String community, boolean committee, boolean swPost, String education) {
        Map<String, Object> m = jdbc.queryForMap("SELECT * FROM worker_master WHERE id = ?", worker);
        int rowNo = nextRow(sheetId);
        jdbc.update("""
                INSERT INTO stg_s3_worker (sheet_id, row_no, period, unit_code, district_code, name, id_hash, id_cipher,
                                           id_masked, education, is_committee, is_sw_post, community_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'cipher', '910102********0000', ?, ?, ?, ?)""",
                sheetId, rowNo, period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6), m.get("name"),
                m.get("id_hash"), education, committee, swPost, community);
        long stgId = lastId("stg_s3_worker", sheetId, rowNo);
        link("worker_source", "S3", stgId, worker, sheetId, null);
        return stgId;
    }

    /** A certificate of a district's D3 register, linked to the worker's master. */
    long d3(long sheetId, long worker) {
        Map<String, Object> m = jdbc.queryForMap("SELECT * FROM worker_master WHERE id = ?", worker);
        int rowNo = nextRow(sheetId);
        jdbc.update("""
                INSERT INTO stg_d3_certificate (sheet_id, row_no, period, unit_code, district_code, name, id_hash,
                                                id_cipher, id_masked, cert_level, cert_no)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'cipher', '910102********0000', '社会工作师', ?)""",
                sheetId, rowNo, period(sheetId), unit(sheetId), unit(sheetId).substring(0, 6), m.get("name"),
                m.get("id_hash"), "ZS" + worker);
        long stgId = lastId("stg_d3_certificate", sheetId, rowNo);
        link("worker_source", "D3", stgId, worker, sheetId, null);
        return stgId;
    }

    /** A steward's chosen value for a master's field (conflicts resolve). */
    void override(String kind, long master, String field, String value) {
        jdbc.update("INSERT INTO master_override (master_kind, master_id, field, value) VALUES (?, ?, ?, ?)", kind,
                master, field, value);
    }

    /** Links a staged row to its master; the master's first and last periods follow, as survivorship keeps them. */
    private void link(String table, String template, long stgId, long master, long sheetId, String normName) {
        jdbc.update("UPDATE " + (table.equals("org_source") ? "org_master" : "worker_master")
                + " SET first_period = LEAST(first_period, ?), last_period = GREATEST(last_period, ?) WHERE id = ?",
                period(sheetId), period(sheetId), master);
        if (table.equals("org_source")) {
            jdbc.update("""
                    INSERT INTO org_source (template, stg_id, master_id, district_code, period, norm_name, how, linked_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'name', CURRENT_TIMESTAMP(6))""",
                    template, stgId, master, unit(sheetId).substring(0, 6), period(sheetId), normName);
        } else {
            jdbc.update("""
                    INSERT INTO worker_source (template, stg_id, master_id, district_code, period, how, linked_at)
                    VALUES (?, ?, ?, ?, ?, 'id_number', CURRENT_TIMESTAMP(6))""",
                    template, stgId, master, unit(sheetId).substring(0, 6), period(sheetId));
        }
    }

    // ---- reading figures -----------------------------------------------------------------------

    static IndicatorValue find(List<IndicatorValue> values, String indicator, String variant, String scope) {
        return values.stream()
                .filter(v -> v.indicator().equals(indicator) && v.variant().equals(variant) && v.scope().equals(scope))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + indicator + "/" + variant + " for " + scope));
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
