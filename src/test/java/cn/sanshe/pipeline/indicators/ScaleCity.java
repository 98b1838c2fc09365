package cn.sanshe.pipeline.indicators;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of a big city (or a province of several), generated in SQL under the unused province
 * code 93: per city 10 districts × 20 streets × 10 communities (2000; the 9th and 10th of each
 * street rural), 10 organizations per community (3 registered, in the district registry), 8
 * workers per community (odd ones certified in D3), every street's S1–S4 and every district's
 * D1–D3 every month of 2026. Each month's figures are known in advance:
 * <ul>
 * <li>communities with a facility: 9 of every 10 (the 10th has 0 m²);
 * <li>organizations: 10 per community, 3 of them 已登记; workers 8, 4 certified, 5 with 本科;
 * <li>every source row of a month after January joins a master that already had rows.
 * </ul>
 */
public final class ScaleCity {

    public static final String PROVINCE = "930000000000";
    public static final String FIRST_CITY = "930100000000";

    /**
     * Streets per district; communities per street: {@code communitiesFirst} in the first
     * {@code firstStreets} streets of a district, {@code communitiesRest} in the others.
     */
    public record Shape(int streetsPerDistrict, int communitiesFirst, int firstStreets, int communitiesRest) {

        /** 10 districts × 20 streets × 10 communities: the figures the class comment promises. */
        public static final Shape TESTS = new Shape(20, 10, 20, 10);

        /** The render benchmark's city: 10 districts, 150 streets, 2,000 communities (5 × 14 + 10 × 13 a district). */
        public static final Shape BENCHMARK = new Shape(15, 14, 5, 13);
    }

    private final JdbcTemplate jdbc;
    private final Shape shape;

    ScaleCity(JdbcTemplate jdbc) {
        this(jdbc, Shape.TESTS);
    }

    public ScaleCity(JdbcTemplate jdbc, Shape shape) {
        this.jdbc = jdbc;
        this.shape = shape;
    }

    public void remove() {
        jdbc.update("DROP TABLE IF EXISTS scale_numbers");
        jdbc.update("DELETE FROM division WHERE code LIKE '93%'");
    }

    public void build(int cities) {
        remove();
        numbers(cities * 10 * shape.streetsPerDistrict() * Math.max(shape.communitiesFirst(), shape.communitiesRest()) * 10);
        division(cities);
        files();
        jdbc.update("""
                INSERT INTO stg_s1_community (sheet_id, row_no, period, unit_code, district_code, community_code,
                                              community_name, urban_rural, households, population, facility_area)
                SELECT sh.id, CAST(RIGHT(d.code, 3) AS UNSIGNED) + 1, sh.period, sh.unit_code, sh.district_code, d.code,
                       d.name, d.urban_rural, 400 + CAST(RIGHT(d.code, 3) AS UNSIGNED) * 10, 3000,
                       CASE WHEN RIGHT(d.code, 3) = '010' THEN 0 ELSE 250 END
                FROM division d
                JOIN ingest_sheet sh ON sh.district_code = LEFT(d.code, 6) AND sh.unit_code = LEFT(d.code, 9)
                                    AND sh.template = 'S1'
                WHERE d.level = 'community' AND d.code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO stg_s4_street_centre (sheet_id, row_no, period, unit_code, district_code, street_code,
                                                  street_name, centre_built, centre_area)
                SELECT sh.id, 2, sh.period, sh.unit_code, sh.district_code, sh.unit_code, '街道', TRUE, 600
                FROM ingest_sheet sh WHERE sh.district_code LIKE '93%' AND sh.template = 'S4'""");
        jdbc.update("""
                INSERT INTO stg_d2_incubator (sheet_id, row_no, period, unit_code, district_code, name, level, street_code,
                                              area, in_incubation, cumulative, graduated)
                SELECT sh.id, k.n + 1, sh.period, sh.unit_code, sh.district_code, CONCAT('基地', k.n),
                       IF(k.n = 1, '区级', '街道级'), IF(k.n = 1, NULL, CONCAT(sh.unit_code, LPAD(k.n, 3, '0'))),
                       400, 5, 10, 2
                FROM ingest_sheet sh CROSS JOIN (SELECT n FROM scale_numbers WHERE n <= 4) k
                WHERE sh.district_code LIKE '93%' AND sh.template = 'D2'""");
        organizations();
        workers();
        jdbc.update("DROP TABLE scale_numbers");
    }

    private void numbers(int atLeast) {
        jdbc.update("CREATE TABLE scale_numbers (n INT NOT NULL PRIMARY KEY) ENGINE=InnoDB");
        jdbc.update("INSERT INTO scale_numbers VALUES (1)");
        for (int count = 1; count < atLeast; count *= 2) {
            jdbc.update("INSERT INTO scale_numbers SELECT n + ? FROM scale_numbers", count);
        }
    }

    private void division(int cities) {
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                VALUES ('930000000000', '规模省', 'province', NULL, NULL, NULL, NULL, CURRENT_TIMESTAMP(6))""");
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                SELECT CONCAT('93', LPAD(n, 2, '0'), '00000000'), CONCAT('规模市', n), 'city', '930000000000', NULL,
                       NULL, NULL, CURRENT_TIMESTAMP(6)
                FROM scale_numbers WHERE n <= ?""", cities);
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                SELECT x.code, CONCAT('区', x.code), 'district', CONCAT(LEFT(x.code, 4), '00000000'), NULL, LEFT(x.code, 6),
                       NULL, CURRENT_TIMESTAMP(6)
                FROM (SELECT CONCAT('93', LPAD((n - 1) DIV 10 + 1, 2, '0'), LPAD((n - 1) MOD 10 + 1, 2, '0'), '000000')
                             AS code
                      FROM scale_numbers WHERE n <= ? * 10) x""", cities);
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                SELECT CONCAT(LEFT(d.code, 6), LPAD(k.n, 3, '0'), '000'), CONCAT('街道', k.n), 'street', d.code, NULL,
                       LEFT(d.code, 6), CONCAT(LEFT(d.code, 6), LPAD(k.n, 3, '0')), CURRENT_TIMESTAMP(6)
                FROM division d CROSS JOIN (SELECT n FROM scale_numbers WHERE n <= ?) k
                WHERE d.level = 'district' AND d.code LIKE '93%'""", shape.streetsPerDistrict());
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                SELECT CONCAT(LEFT(s.code, 9), LPAD(k.n, 3, '0')), CONCAT('社区', k.n), 'community', s.code,
                       IF(k.n <= 8, 'urban', 'rural'), LEFT(s.code, 6), LEFT(s.code, 9), CURRENT_TIMESTAMP(6)
                FROM division s CROSS JOIN scale_numbers k
                WHERE s.level = 'street' AND s.code LIKE '93%'
                  AND k.n <= IF(CAST(SUBSTRING(s.code, 7, 3) AS UNSIGNED) <= ?, ?, ?)""",
                shape.firstStreets(), shape.communitiesFirst(), shape.communitiesRest());
    }

    /** One file per unit and month, one sheet per template the unit sends. */
    private void files() {
        jdbc.update("""
                INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at, status,
                                         received_at, loaded_at)
                SELECT SHA2(CONCAT(u.unit, '/', m.period), 256), CONCAT(m.period, '/', u.unit, '/scale.xlsx'), u.unit,
                       LEFT(u.unit, 6), m.period, 1, 0, 'loaded', CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6)
                FROM (SELECT LEFT(code, 9) AS unit FROM division WHERE level = 'street' AND code LIKE '93%'
                      UNION ALL
                      SELECT LEFT(code, 6) FROM division WHERE level = 'district' AND code LIKE '93%') u
                CROSS JOIN (SELECT CONCAT('2026-', LPAD(n, 2, '0')) AS period FROM scale_numbers WHERE n <= 12) m""");
        jdbc.update("""
                INSERT INTO ingest_drop (path, size_bytes, modified_at, file_id, seen_at)
                SELECT path, 1, 0, id, CURRENT_TIMESTAMP(6) FROM ingest_file WHERE district_code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO ingest_sheet (file_id, sheet_name, template, header_row, unit_code, district_code, period,
                                          rows_read, rows_loaded)
                SELECT f.id, t.template, t.template, 1, f.unit_code, f.district_code, f.period, 1, 1
                FROM ingest_file f
                JOIN (SELECT 'S1' AS template, 9 AS len UNION ALL SELECT 'S2', 9 UNION ALL SELECT 'S3', 9
                      UNION ALL SELECT 'S4', 9 UNION ALL SELECT 'D1', 6 UNION ALL SELECT 'D2', 6
                      UNION ALL SELECT 'D3', 6) t ON LENGTH(f.unit_code) = t.len
                WHERE f.district_code LIKE '93%'""");
    }

    private void organizations() {
        jdbc.update("""
                INSERT INTO org_master (district_code, community_code, name, norm_name, reg_status, org_type, rating,
                                        is_sw_agency, first_period, last_period, dirty, updated_at)
                SELECT LEFT(d.code, 6), d.code, CONCAT(d.code, '-', k.n), CONCAT(d.code, '-', k.n),
                       IF(k.n <= 3, '已登记', '已备案'),
                       CASE k.n WHEN 1 THEN '社会团体' WHEN 2 THEN '民办非企业单位' WHEN 3 THEN '基金会' END,
                       IF(k.n = 1, 4, NULL), k.n = 2, '2026-01', '2026-12', FALSE, CURRENT_TIMESTAMP(6)
                FROM division d CROSS JOIN (SELECT n FROM scale_numbers WHERE n <= 10) k
                WHERE d.level = 'community' AND d.code LIKE '93%'""");
        // the master id rides in filing_no / legal_rep, so the rows link without a name match
        jdbc.update("""
                INSERT INTO stg_s2_org_ledger (sheet_id, row_no, period, unit_code, district_code, org_name, reg_status,
                                               org_type, community_code, filing_no)
                SELECT sh.id, m.id, sh.period, sh.unit_code, sh.district_code, m.name, m.reg_status, m.org_type,
                       m.community_code, m.id
                FROM org_master m
                JOIN ingest_sheet sh ON sh.district_code = m.district_code AND sh.unit_code = LEFT(m.community_code, 9)
                                    AND sh.template = 'S2'
                WHERE m.district_code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO org_source (template, stg_id, master_id, district_code, period, norm_name, how, linked_at)
                SELECT 'S2', s.id, CAST(s.filing_no AS UNSIGNED), s.district_code, s.period, s.org_name, 'name',
                       CURRENT_TIMESTAMP(6)
                FROM stg_s2_org_ledger s WHERE s.district_code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO stg_d1_org_registry (sheet_id, row_no, period, unit_code, district_code, credit_code, org_name,
                                                 org_type, reg_status, community_code, legal_rep)
                SELECT sh.id, m.id, sh.period, sh.unit_code, sh.district_code, LPAD(m.id, 18, '0'), m.name, m.org_type,
                       '正常', m.community_code, m.id
                FROM org_master m
                JOIN ingest_sheet sh ON sh.district_code = m.district_code AND sh.unit_code = m.district_code
                                    AND sh.template = 'D1'
                WHERE m.district_code LIKE '93%' AND m.reg_status = '已登记'""");
        jdbc.update("""
                INSERT INTO org_source (template, stg_id, master_id, district_code, period, norm_name, how, linked_at)
                SELECT 'D1', d.id, CAST(d.legal_rep AS UNSIGNED), d.district_code, d.period, d.org_name, 'credit_code',
                       CURRENT_TIMESTAMP(6)
                FROM stg_d1_org_registry d WHERE d.district_code LIKE '93%'""");
    }

    private void workers() {
        jdbc.update("""
                INSERT INTO worker_master (district_code, community_code, name, id_hash, id_cipher, id_masked, education,
                                           cert_verified, on_roster, first_period, last_period, dirty, updated_at)
                SELECT LEFT(d.code, 6), d.code, CONCAT('W', k.n), SHA2(CONCAT(d.code, '-', k.n), 256), 'c',
                       '930000********0000', IF(k.n <= 5, '本科', '高中'), k.n MOD 2 = 1, TRUE, '2026-01', '2026-12',
                       FALSE, CURRENT_TIMESTAMP(6)
                FROM division d CROSS JOIN (SELECT n FROM scale_numbers WHERE n <= 8) k
                WHERE d.level = 'community' AND d.code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO stg_s3_worker (sheet_id, row_no, period, unit_code, district_code, name, id_hash, id_cipher,
                                           id_masked, education, is_committee, is_sw_post, community_code, phone)
                SELECT sh.id, w.id, sh.period, sh.unit_code, sh.district_code, w.name, w.id_hash, 'c', w.id_masked,
                       w.education, w.name IN ('W1', 'W2', 'W3'), w.name IN ('W1', 'W4'), w.community_code, w.id
                FROM worker_master w
                JOIN ingest_sheet sh ON sh.district_code = w.district_code AND sh.unit_code = LEFT(w.community_code, 9)
                                    AND sh.template = 'S3'
                WHERE w.district_code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO worker_source (template, stg_id, master_id, district_code, period, how, linked_at)
                SELECT 'S3', s.id, CAST(s.phone AS UNSIGNED), s.district_code, s.period, 'id_number', CURRENT_TIMESTAMP(6)
                FROM stg_s3_worker s WHERE s.district_code LIKE '93%'""");
        jdbc.update("""
                INSERT INTO stg_d3_certificate (sheet_id, row_no, period, unit_code, district_code, name, id_hash,
                                                id_cipher, id_masked, cert_level, cert_no)
                SELECT sh.id, w.id, sh.period, sh.unit_code, sh.district_code, w.name, w.id_hash, 'c', w.id_masked,
                       '社会工作师', w.id
                FROM worker_master w
                JOIN ingest_sheet sh ON sh.district_code = w.district_code AND sh.unit_code = w.district_code
                                    AND sh.template = 'D3' AND sh.period = '2026-01'
                WHERE w.district_code LIKE '93%' AND w.cert_verified""");
        jdbc.update("""
                INSERT INTO worker_source (template, stg_id, master_id, district_code, period, how, linked_at)
                SELECT 'D3', c.id, CAST(c.cert_no AS UNSIGNED), c.district_code, c.period, 'id_number', CURRENT_TIMESTAMP(6)
                FROM stg_d3_certificate c WHERE c.district_code LIKE '93%'""");
    }
}
