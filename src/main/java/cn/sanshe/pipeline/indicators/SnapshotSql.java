package cn.sanshe.pipeline.indicators;

import java.util.List;

/**
 * The month-end snapshot as SQL: one query per question, each grouped by child unit WITH ROLLUP
 * (the rollup row is the scope's own figure). A grouping key computed in the select list is named
 * {@code unit_key}, a name no table has (MySQL resolves GROUP BY names to columns first).
 *
 * <p>Parameters: {@code :period} (yyyy-MM), the scope's code prefix as {@code :scopeLike}
 * ('130102%'), {@code :districts} (the 6-digit codes of the districts the scope covers: the staging
 * tables' jurisdiction key, so each is an index range), {@code :streetLike} (the prefix cut to 9
 * digits), {@code :k} (digits of a child unit's code) and the profile's thresholds. Only constant
 * text is joined here.
 *
 * <p>What "the state at the end of the month" means, table by table:
 * <ul>
 * <li>S1, S4: per community / street, its latest row with period ≤ P in a sheet still in force.
 * <li>S2, S3, D1: per sending unit, its latest list (the in-force sheets of its latest period ≤ P
 * that loaded rows and were reconciled) is its whole list.
 * <li>D2: per district, its rows of its latest period ≤ P, one per incubator name.
 * <li>Masters: what they count as (registration status, type, rating, agency, community; a
 * worker's education and certificate) as of P — the earlier version holding at P
 * ({@code org_master_asof}, {@code worker_master_asof}), else the master record, which is the
 * newest; steward values from the month of the conflict they settled.
 * </ul>
 */
final class SnapshotSql {

    private SnapshotSql() {
    }

    static final String COMMUNITIES = """
            communities AS (
                SELECT d.code, d.urban_rural, LEFT(d.code, :k) AS child
                FROM division d
                WHERE d.level = 'community' AND d.code LIKE :scopeLike)""";

    static final String S1 = """
            s1 AS (
                SELECT x.community_code, x.households, x.population, x.facility_area
                FROM (SELECT s.community_code, s.households, s.population, s.facility_area,
                             ROW_NUMBER() OVER (PARTITION BY s.community_code
                                 ORDER BY s.period DESC, sh.period DESC, s.sheet_id DESC, s.row_no DESC) AS rn
                      FROM stg_s1_community s
                      JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL
                      WHERE s.district_code IN (:districts) AND s.community_code LIKE :scopeLike
                        AND s.period <= :period) x
                WHERE x.rn = 1)""";

    /**
     * A unit's latest list of a template: the in-force sheets of its latest period ≤ P that loaded
     * rows and whose rows reconcile has linked (so a list not yet reconciled leaves the previous one
     * standing). The link is checked on one row per sheet, sheet by sheet.
     */
    private static String latestLists(String name, String template, String staging, String source) {
        return """
                %1$s AS (
                    SELECT x.id
                    FROM (SELECT sh.id, sh.period, MAX(sh.period) OVER (PARTITION BY sh.unit_code) AS latest
                          FROM ingest_sheet sh
                          WHERE sh.template = '%2$s' AND sh.superseded_by IS NULL AND sh.rows_loaded > 0
                            AND sh.district_code IN (:districts) AND sh.period <= :period
                            AND (SELECT o.id FROM %3$s r JOIN %4$s o ON o.template = '%2$s' AND o.stg_id = r.id
                                 WHERE r.sheet_id = sh.id LIMIT 1) IS NOT NULL) x
                    WHERE x.period = x.latest)""".formatted(name, template, staging, source);
    }

    /**
     * Organizations active at P: listed in a street's latest ledger, or 正常 in the district's latest
     * registry extract; never when their latest registry row (or a steward's choice over it) says
     * 注销 or 撤销. Counted where the master record placed them at P, with its attributes as of P
     * (org_master_asof). The joins start from the latest
     * lists (a month of rows), never from every row ever linked.
     */
    static final String ORGS = latestLists("s2_lists", "S2", "stg_s2_org_ledger", "org_source") + ",\n"
            + latestLists("d1_lists", "D1", "stg_d1_org_registry", "org_source") + ",\n" + """
            listed AS (
                SELECT STRAIGHT_JOIN COALESCE(m.merged_into, m.id) AS master_id, 1 AS on_ledger, 0 AS in_registry,
                       0 AS registry_cancelled, 0 AS registry_normal
                FROM s2_lists l
                JOIN stg_s2_org_ledger s ON s.sheet_id = l.id
                JOIN org_source o ON o.template = 'S2' AND o.stg_id = s.id
                JOIN org_master m ON m.id = o.master_id
                WHERE s.period <= :period
                UNION ALL
                SELECT STRAIGHT_JOIN COALESCE(m.merged_into, m.id), 0, 1, d.reg_status IN ('注销', '撤销'),
                       d.reg_status = '正常'
                FROM d1_lists l
                JOIN stg_d1_org_registry d ON d.sheet_id = l.id
                JOIN org_source o ON o.template = 'D1' AND o.stg_id = d.id
                JOIN org_master m ON m.id = o.master_id
                WHERE d.period <= :period),
            org_candidates AS (
                SELECT master_id, MAX(on_ledger) AS on_ledger, MAX(in_registry) AS in_registry,
                       MAX(registry_cancelled) AS registry_cancelled, MAX(registry_normal) AS registry_normal
                FROM listed GROUP BY master_id),
            org_asof AS (
                -- each master as of P: its earlier version holding at P, else the master record (the newest)
                SELECT STRAIGHT_JOIN m.id, m.district_code, c.on_ledger, c.in_registry, c.registry_cancelled,
                       c.registry_normal,
                       IF(h.master_id IS NULL, m.reg_status, h.reg_status) AS reg_status,
                       IF(h.master_id IS NULL, m.org_type, h.org_type) AS org_type,
                       IF(h.master_id IS NULL, m.rating, h.rating) AS rating,
                       IF(h.master_id IS NULL, m.is_sw_agency, h.is_sw_agency) AS is_sw_agency,
                       IF(h.master_id IS NULL, m.community_code, h.community_code) AS community_code
                FROM org_candidates c
                JOIN org_master m ON m.id = c.master_id AND m.merged_into IS NULL
                LEFT JOIN org_master_asof h ON h.master_id = m.id AND h.valid_from <= :period
                                           AND h.valid_until > :period),
            org_states AS (
                SELECT m.id, m.reg_status, m.org_type, m.rating, m.is_sw_agency, m.community_code,
                       COALESCE(m.community_code, CONCAT(m.district_code, '000000')) AS loc,
                       m.on_ledger, m.in_registry, m.registry_cancelled, m.registry_normal,
                       -- on a ledger but not in the latest extract, the latest registry row of its own
                       -- (only a registered master has registry rows)
                       CASE WHEN m.in_registry = 0 AND m.reg_status = '已登记' THEN
                           (SELECT d.reg_status FROM org_source o
                            JOIN stg_d1_org_registry d ON d.id = o.stg_id
                            JOIN ingest_sheet sh ON sh.id = d.sheet_id AND sh.superseded_by IS NULL
                            WHERE o.master_id = m.id AND o.template = 'D1' AND d.period <= :period
                            ORDER BY d.period DESC, d.sheet_id DESC, d.row_no DESC LIMIT 1) END AS earlier_registry,
                       v.value AS chosen
                FROM org_asof m
                LEFT JOIN master_override v ON v.master_kind = 'org' AND v.master_id = m.id
                                           AND v.field = 'registry_status'
                                           AND (v.valid_from IS NULL OR v.valid_from <= :period)),
            org_registry AS (
                SELECT t.*,
                       -- a value chosen by a steward stands for the registry wherever the registry has a word
                       CASE WHEN t.chosen IS NOT NULL AND (t.in_registry = 1 OR t.earlier_registry IS NOT NULL)
                            THEN t.chosen IN ('注销', '撤销')
                            ELSE t.registry_cancelled = 1 OR COALESCE(t.earlier_registry IN ('注销', '撤销'), FALSE)
                       END AS cancelled,
                       t.in_registry = 1 AND CASE WHEN t.chosen IS NOT NULL THEN t.chosen = '正常'
                                                  ELSE t.registry_normal = 1 END AS registered_normal
                FROM org_states t),
            orgs AS (
                SELECT s.id, s.reg_status, s.rating, s.is_sw_agency, s.community_code, s.loc,
                       CASE WHEN s.reg_status = '已备案' THEN '社区社会组织'
                            WHEN s.org_type IN ('民办非企业单位', '社会服务机构') THEN '民办非企业单位'
                            ELSE s.org_type END AS org_type
                FROM org_registry s
                WHERE s.loc LIKE :scopeLike AND NOT s.cancelled AND (s.on_ledger = 1 OR s.registered_normal))""";

    /**
     * Workers at P: the people on their street's latest roster, each counted once. Someone on two
     * communities' rosters is placed where a steward chose (WORKER_TWO_COMMUNITIES), else in both.
     */
    static final String ROSTER = latestLists("s3_lists", "S3", "stg_s3_worker", "worker_source") + ",\n" + """
            roster_rows AS (
                SELECT DISTINCT STRAIGHT_JOIN o.master_id, w.community_code, w.is_committee, w.is_sw_post,
                       w.education
                FROM s3_lists l
                JOIN stg_s3_worker w ON w.sheet_id = l.id
                JOIN worker_source o ON o.template = 'S3' AND o.stg_id = w.id
                WHERE w.period <= :period),
            roster AS (
                SELECT STRAIGHT_JOIN r.master_id,
                       CASE WHEN r.first_community <> r.last_community AND v.value IS NOT NULL THEN v.value
                            ELSE r.community_code END AS community_code,
                       COALESCE(r.is_committee, FALSE) AS is_committee, COALESCE(r.is_sw_post, FALSE) AS is_sw_post,
                       COALESCE(r.education, IF(h.master_id IS NULL, m.education, h.education)) AS education,
                       IF(h.master_id IS NULL, m.cert_verified, h.cert_verified) AS cert_verified
                FROM (SELECT rr.*, MIN(rr.community_code) OVER (PARTITION BY rr.master_id) AS first_community,
                             MAX(rr.community_code) OVER (PARTITION BY rr.master_id) AS last_community
                      FROM roster_rows rr) r
                JOIN worker_master m ON m.id = r.master_id
                -- the worker as of P: the earlier version holding at P, else the master record (the newest)
                LEFT JOIN worker_master_asof h ON h.master_id = m.id AND h.valid_from <= :period
                                              AND h.valid_until > :period
                LEFT JOIN master_override v ON v.master_kind = 'worker' AND v.master_id = r.master_id
                                           AND v.field = 'community_code'
                                           AND (v.valid_from IS NULL OR v.valid_from <= :period))""";

    static final String FACILITIES = "WITH " + COMMUNITIES + ",\n" + S1 + "\n" + """
            SELECT c.child,
                   COUNT(*) AS communities,
                   SUM(c.urban_rural = 'urban') AS urban,
                   SUM(c.urban_rural = 'rural') AS rural,
                   SUM(COALESCE(s1.facility_area, 0) > 0) AS with_facility,
                   SUM(c.urban_rural = 'urban' AND COALESCE(s1.facility_area, 0) > 0) AS urban_with_facility,
                   SUM(c.urban_rural = 'rural' AND COALESCE(s1.facility_area, 0) > 0) AS rural_with_facility,
                   SUM(COALESCE(s1.facility_area, 0) > 0 AND s1.facility_area >= :communityMinArea) AS area_ok,
                   SUM(COALESCE(s1.facility_area, 0)) AS facility_area,
                   SUM(COALESCE(s1.households, 0)) AS households,
                   SUM(c.urban_rural = 'rural' AND s1.population >= 3000) AS large_rural_communities,
                   SUM(s1.population = 0) AS no_population
            FROM communities c
            LEFT JOIN s1 ON s1.community_code = c.code
            GROUP BY c.child WITH ROLLUP""";

    static final String STREET_CENTRES = """
            WITH streets AS (
                SELECT LEFT(d.code, 9) AS street_code, LEFT(d.code, :k) AS child
                FROM division d
                WHERE d.level = 'street' AND d.code LIKE :scopeLike),
            s4 AS (
                SELECT x.street_code, x.centre_built, x.centre_area
                FROM (SELECT s.street_code, s.centre_built, s.centre_area,
                             ROW_NUMBER() OVER (PARTITION BY s.street_code
                                 ORDER BY s.period DESC, sh.period DESC, s.sheet_id DESC, s.row_no DESC) AS rn
                      FROM stg_s4_street_centre s
                      JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL
                      WHERE s.district_code IN (:districts) AND s.street_code LIKE :streetLike
                        AND s.period <= :period) x
                WHERE x.rn = 1)
            SELECT st.child,
                   COUNT(*) AS streets,
                   SUM(COALESCE(s4.centre_built, FALSE)) AS centres,
                   SUM(COALESCE(s4.centre_built, FALSE) AND s4.centre_area >= :streetCentreMinArea) AS centre_area_ok
            FROM streets st
            LEFT JOIN s4 ON s4.street_code = st.street_code
            GROUP BY st.child WITH ROLLUP""";

    /** Each district's incubators: its rows of its latest period ≤ P, placed in their street if street-level. */
    static final String INCUBATORS_CTE = """
            d2 AS (
                SELECT x.district_code, x.level, x.area, x.in_incubation, x.cumulative, x.graduated, x.loc
                FROM (SELECT s.district_code, s.level, s.area, s.in_incubation, s.cumulative, s.graduated,
                             COALESCE(CONCAT(s.street_code, '000'), CONCAT(s.district_code, '000000')) AS loc,
                             s.period, MAX(s.period) OVER (PARTITION BY s.district_code) AS latest,
                             ROW_NUMBER() OVER (PARTITION BY s.district_code, s.period, s.name
                                 ORDER BY s.sheet_id DESC, s.row_no DESC) AS copy
                      FROM stg_d2_incubator s
                      JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL
                      WHERE s.district_code IN (:districts) AND s.period <= :period) x
                WHERE x.period = x.latest AND x.copy = 1 AND x.loc LIKE :scopeLike)""";

    static final String INCUBATORS = "WITH " + INCUBATORS_CTE + "\n" + """
            SELECT LEFT(d2.loc, :k) AS unit_key,
                   COUNT(*) AS incubators,
                   SUM(d2.level = '市级') AS city_incubators,
                   SUM(d2.level = '区级') AS district_incubators,
                   SUM(d2.level = '街道级') AS street_incubators,
                   SUM(d2.level = '市级' AND d2.area >= :cityIncubatorMinArea) AS city_incubators_ok,
                   SUM(d2.in_incubation) AS in_incubation,
                   SUM(d2.cumulative) AS cumulative,
                   SUM(d2.graduated) AS graduated
            FROM d2
            GROUP BY unit_key WITH ROLLUP""";

    static final String DISTRICT_INCUBATORS = "WITH " + INCUBATORS_CTE + ",\n" + """
            districts AS (
                SELECT LEFT(d.code, 6) AS district_code, LEFT(d.code, :k) AS child
                FROM division d
                WHERE d.level = 'district' AND d.code LIKE :scopeLike),
            per_district AS (
                SELECT district_code,
                       SUM(level = '区级' AND area >= :districtIncubatorMinArea) AS district_level_ok,
                       SUM(level = '街道级') AS street_level
                FROM d2 GROUP BY district_code)
            SELECT dd.child,
                   COUNT(*) AS districts,
                   SUM(COALESCE(p.district_level_ok, 0) >= 1) AS districts_incubator_ok,
                   SUM(COALESCE(p.street_level, 0) >= :streetIncubatorsPerDistrict) AS districts_street_incubators_ok
            FROM districts dd
            LEFT JOIN per_district p ON p.district_code = dd.district_code
            GROUP BY dd.child WITH ROLLUP""";

    /**
     * Organizations by child unit, and per community (one pass over the active organizations:
     * MariaDB evaluates a CTE once per reference): communities meeting the profile's minimum.
     */
    static final String ORGANIZATIONS = "WITH " + COMMUNITIES + ",\n" + S1 + ",\n" + ORGS + ",\n" + """
            per_place AS (
                SELECT o.loc,
                       COUNT(*) AS n,
                       SUM(o.reg_status = '已登记') AS registered,
                       SUM(o.reg_status = '已备案') AS filed,
                       SUM(o.org_type = '社会团体') AS social_group,
                       SUM(o.org_type = '民办非企业单位') AS private_non_enterprise,
                       SUM(o.org_type = '基金会') AS foundation,
                       SUM(o.org_type = '社区社会组织') AS community,
                       SUM(o.rating >= 3) AS rated_3a,
                       SUM(COALESCE(o.is_sw_agency, FALSE)) AS sw_agencies
                FROM orgs o
                GROUP BY o.loc)
            SELECT LEFT(p.loc, :k) AS unit_key,
                   SUM(p.n) AS orgs,
                   SUM(p.registered) AS orgs_registered,
                   SUM(p.filed) AS orgs_filed,
                   SUM(p.social_group) AS orgs_social_group,
                   SUM(p.private_non_enterprise) AS orgs_private_non_enterprise,
                   SUM(p.foundation) AS orgs_foundation,
                   SUM(p.community) AS orgs_community,
                   SUM(p.rated_3a) AS orgs_rated_3a,
                   SUM(p.sw_agencies) AS sw_agencies,
                   SUM(c.urban_rural = 'urban' AND p.n >= :orgsUrban) AS urban_orgs_ok,
                   SUM(c.urban_rural = 'rural' AND s1.population >= 3000 AND p.n >= :orgsRural) AS large_rural_orgs_ok
            FROM per_place p
            LEFT JOIN communities c ON c.code = p.loc
            LEFT JOIN s1 ON s1.community_code = p.loc
            GROUP BY unit_key WITH ROLLUP""";

    /**
     * Workers by child unit (each person once), and per community (one row per person and
     * community, the community's own counts carried by a window): communities meeting the posts
     * per population, professionals per community and certified-committee rules. Communities
     * without workers meet none of them, except posts for a population of 0 (FACILITIES counts those).
     */
    static final String WORKERS = "WITH " + COMMUNITIES + ",\n" + S1 + ",\n" + ROSTER + ",\n" + """
            person_place AS (
                SELECT r.community_code, r.master_id,
                       MAX(r.is_committee) AS committee,
                       MAX(r.is_sw_post) AS sw_post,
                       MAX(r.cert_verified) AS certified,
                       MAX(r.education IN ('大专', '本科', '硕士研究生', '博士研究生')) AS college
                FROM roster r
                WHERE r.community_code LIKE :scopeLike
                GROUP BY r.community_code, r.master_id),
            person_flags AS (
                SELECT p.*,
                       SUM(p.sw_post) OVER (PARTITION BY p.community_code) AS place_posts,
                       SUM(p.certified) OVER (PARTITION BY p.community_code) AS place_professionals,
                       SUM(p.committee AND p.certified) OVER (PARTITION BY p.community_code) AS place_committee_certified,
                       ROW_NUMBER() OVER (PARTITION BY p.community_code ORDER BY p.master_id) AS nth
                FROM person_place p)
            SELECT LEFT(f.community_code, :k) AS unit_key,
                   COUNT(DISTINCT f.master_id) AS workers,
                   COUNT(DISTINCT CASE WHEN f.certified THEN f.master_id END) AS professionals,
                   COUNT(DISTINCT CASE WHEN f.committee THEN f.master_id END) AS committee,
                   COUNT(DISTINCT CASE WHEN f.committee AND f.certified THEN f.master_id END) AS committee_certified,
                   COUNT(DISTINCT CASE WHEN f.college THEN f.master_id END) AS college,
                   SUM(f.nth = 1 AND c.code IS NOT NULL AND s1.population > 0
                       AND f.place_posts >= CEIL(s1.population * :postsPer10000 / 10000)) AS posts_ok,
                   SUM(f.nth = 1 AND c.urban_rural = 'urban' AND f.place_professionals >= :professionalsUrban)
                       AS urban_professionals_ok,
                   SUM(f.nth = 1 AND c.urban_rural = 'rural' AND f.place_professionals >= :professionalsRural)
                       AS rural_professionals_ok,
                   SUM(f.nth = 1 AND c.code IS NOT NULL AND f.place_committee_certified >= 1) AS committees_with_certified
            FROM person_flags f
            LEFT JOIN communities c ON c.code = f.community_code
            LEFT JOIN s1 ON s1.community_code = f.community_code
            GROUP BY unit_key WITH ROLLUP""";

    /**
     * Common table expressions {@code sent} and {@code sent_by_unit}: per unit (a street's 9 or a
     * district's 6 digits), which templates it sent for P — a sheet of the period, or a drop under
     * {@code <P>/<unit>/} whose bytes were loaded before (a copy of an earlier month's file).
     */
    static final String SENT_BY_UNIT = """
            sent AS (
                SELECT sh.unit_code, sh.template
                FROM ingest_sheet sh
                WHERE sh.period = :period AND sh.template IS NOT NULL AND sh.district_code IN (:districts)
                UNION
                SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(dr.path, '/', 2), '/', -1), sh.template
                FROM ingest_drop dr
                JOIN ingest_sheet sh ON sh.file_id = dr.file_id AND sh.template IS NOT NULL
                WHERE dr.path LIKE :dropLike),
            sent_by_unit AS (
                SELECT unit_code,
                       MAX(template = 'S1') AS s1, MAX(template = 'S2') AS s2, MAX(template = 'S3') AS s3,
                       MAX(template = 'S4') AS s4, MAX(template = 'D1') AS d1, MAX(template = 'D2') AS d2,
                       MAX(template = 'D3') AS d3
                FROM sent GROUP BY unit_code)""";

    /**
     * Who sent what for P: a sheet of the template for the period, or a drop under
     * {@code <P>/<unit>/} whose bytes were loaded before (a copy of an earlier month's file).
     */
    static final String SUBMISSIONS = """
            WITH units AS (
                SELECT LEFT(d.code, 9) AS unit_code, 'street' AS kind, LEFT(d.code, :k) AS child
                FROM division d
                WHERE d.level = 'street' AND d.code LIKE :scopeLike
                UNION ALL
                SELECT LEFT(d.code, 6), 'district', LEFT(d.code, :k)
                FROM division d
                WHERE d.level = 'district' AND d.code LIKE :scopeLike),
""" + SENT_BY_UNIT + """
            SELECT u.child,
                   SUM(u.kind = 'street') AS units_street,
                   SUM(u.kind = 'district') AS units_district,
                   SUM(u.kind = 'street' AND COALESCE(b.s1, 0) = 1) AS sent_S1,
                   SUM(u.kind = 'street' AND COALESCE(b.s2, 0) = 1) AS sent_S2,
                   SUM(u.kind = 'street' AND COALESCE(b.s3, 0) = 1) AS sent_S3,
                   SUM(u.kind = 'street' AND COALESCE(b.s4, 0) = 1) AS sent_S4,
                   SUM(u.kind = 'district' AND COALESCE(b.d1, 0) = 1) AS sent_D1,
                   SUM(u.kind = 'district' AND COALESCE(b.d2, 0) = 1) AS sent_D2,
                   SUM(u.kind = 'district' AND COALESCE(b.d3, 0) = 1) AS sent_D3
            FROM units u
            LEFT JOIN sent_by_unit b ON b.unit_code = u.unit_code
            GROUP BY u.child WITH ROLLUP""";

    /** Rows rejected for P in sheets still in force (open or corrected since), and those still open. */
    static final String REJECTS = """
            SELECT LEFT(RPAD(r.unit_code, 12, '0'), :k) AS unit_key,
                   SUM(r.status IN ('open', 'corrected')) AS rejected_rows,
                   SUM(r.status = 'open') AS open_rejects
            FROM ingest_reject r
            WHERE r.period = :period AND r.district_code IN (:districts)
              AND RPAD(r.unit_code, 12, '0') LIKE :scopeLike
            GROUP BY unit_key WITH ROLLUP""";

    /**
     * Source rows of P linked to a master that also has other rows (period ≤ P, sheets in force),
     * from another sheet or the same one (a ledger listing an organization twice): certainly so when the master's first period is before P (survivorship keeps it
     * over in-force rows), else looked up.
     */
    private static String merged(String column, String source, String master, String a, String stagingA, String b,
            String stagingB) {
        return """
                WITH rows_of_period AS (
                    SELECT STRAIGHT_JOIN s.unit_code, o.master_id, o.stg_id, '%3$s' AS template
                    FROM %4$s s
                    JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL
                    JOIN %2$s o ON o.template = '%3$s' AND o.stg_id = s.id
                    WHERE s.district_code IN (:districts) AND s.period = :period
                    UNION ALL
                    SELECT STRAIGHT_JOIN s.unit_code, o.master_id, o.stg_id, '%5$s'
                    FROM %6$s s
                    JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL
                    JOIN %2$s o ON o.template = '%5$s' AND o.stg_id = s.id
                    WHERE s.district_code IN (:districts) AND s.period = :period)
                SELECT STRAIGHT_JOIN LEFT(RPAD(x.unit_code, 12, '0'), :k) AS unit_key, COUNT(*) AS %1$s
                FROM rows_of_period x
                JOIN %7$s m ON m.id = x.master_id
                WHERE RPAD(x.unit_code, 12, '0') LIKE :scopeLike
                  AND (m.first_period < :period
                    OR EXISTS (SELECT 1 FROM %2$s o2
                               JOIN %4$s s2 ON s2.id = o2.stg_id
                               JOIN ingest_sheet sh2 ON sh2.id = s2.sheet_id AND sh2.superseded_by IS NULL
                               WHERE o2.master_id = x.master_id AND o2.template = '%3$s' AND o2.period <= :period
                                 AND NOT (x.template = '%3$s' AND o2.stg_id = x.stg_id))
                    OR EXISTS (SELECT 1 FROM %2$s o2
                               JOIN %6$s s2 ON s2.id = o2.stg_id
                               JOIN ingest_sheet sh2 ON sh2.id = s2.sheet_id AND sh2.superseded_by IS NULL
                               WHERE o2.master_id = x.master_id AND o2.template = '%5$s' AND o2.period <= :period
                                 AND NOT (x.template = '%5$s' AND o2.stg_id = x.stg_id)))
                GROUP BY unit_key WITH ROLLUP""".formatted(column, source, a, stagingA, b, stagingB, master);
    }

    static final String MERGED_ORGS = merged("merged_org_rows", "org_source", "org_master", "S2", "stg_s2_org_ledger",
            "D1", "stg_d1_org_registry");

    static final String MERGED_WORKERS = merged("merged_worker_rows", "worker_source", "worker_master", "S3",
            "stg_s3_worker", "D3", "stg_d3_certificate");

    /** Every query of a snapshot, in the order they run. */
    static final List<String> ALL = List.of(FACILITIES, STREET_CENTRES, INCUBATORS, DISTRICT_INCUBATORS,
            ORGANIZATIONS, WORKERS, SUBMISSIONS, REJECTS, MERGED_ORGS, MERGED_WORKERS);
}
