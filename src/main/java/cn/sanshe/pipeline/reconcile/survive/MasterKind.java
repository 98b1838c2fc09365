package cn.sanshe.pipeline.reconcile.survive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What survivorship needs to know of organizations and of workers: where their rows are and
 * which rule decides each field. The SQL is constant text: table and column names never come
 * from input.
 */
// The source rows of a batch are found by master (FORCE INDEX) and joined in the written order
// (STRAIGHT_JOIN): with the batch's ids in a long IN list the optimizer may otherwise walk the
// (template, stg_id) key over every row of a template, or start from the sheets and the staging
// table, once per batch — which makes survivorship grow with the square of the data.
enum MasterKind {

    ORG("org", "org_master", """
            SELECT o.master_id, 'S2', s.id, s.period, s.org_name AS name, s.credit_code, s.reg_status, s.org_type,
                   NULL AS registered_on, NULL AS registry_status, NULL AS legal_rep, s.person_in_charge, s.phone,
                   s.service_domain, s.rating, s.is_sw_agency, s.founded_on, s.community_code,
                   s.district_code, s.unit_code
            FROM org_source o FORCE INDEX (org_source_master) STRAIGHT_JOIN stg_s2_org_ledger s ON o.template = 'S2' AND s.id = o.stg_id
            STRAIGHT_JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL
            WHERE o.master_id IN (%1$s)
            UNION ALL
            SELECT o.master_id, 'D1', d.id, d.period, d.org_name, d.credit_code, '已登记', d.org_type, d.registered_on,
                   d.reg_status, d.legal_rep, NULL, NULL, NULL, d.rating, d.is_sw_agency, NULL, d.community_code,
                   d.district_code, NULL
            FROM org_source o FORCE INDEX (org_source_master) STRAIGHT_JOIN stg_d1_org_registry d ON o.template = 'D1' AND d.id = o.stg_id
            STRAIGHT_JOIN ingest_sheet sh ON sh.id = d.sheet_id AND sh.superseded_by IS NULL
            WHERE o.master_id IN (%1$s)""",
            fields("name", Rule.NEWEST, "credit_code", Rule.DISTRICT_FIRST, "reg_status", Rule.DISTRICT_FIRST,
                    "org_type", Rule.DISTRICT_FIRST, "registered_on", Rule.DISTRICT_ONLY,
                    "registry_status", Rule.DISTRICT_ONLY, "legal_rep", Rule.DISTRICT_ONLY,
                    "person_in_charge", Rule.STREET_FIRST, "phone", Rule.STREET_FIRST,
                    "service_domain", Rule.STREET_FIRST, "rating", Rule.NEWEST, "is_sw_agency", Rule.NEWEST,
                    "founded_on", Rule.NEWEST, "community_code", Rule.STREET_FIRST),
            List.of("reg_status", "org_type", "rating", "is_sw_agency", "community_code"),
            List.of("credit_code", "reg_status", "org_type", "rating", "is_sw_agency", "community_code")),

    WORKER("worker", "worker_master", """
            SELECT o.master_id, 'S3', w.id, w.period, w.name, w.gender, w.birth_date, w.education, w.political_status,
                   w.post, w.is_committee, w.is_sw_post, NULL AS cert_level, NULL AS cert_no,
                   CASE WHEN w.cert_level = '无' THEN NULL ELSE w.cert_level END AS claimed_cert_level,
                   w.cert_no AS claimed_cert_no, w.community_code, w.hired_on, w.phone, w.district_code
            FROM worker_source o FORCE INDEX (worker_source_master) STRAIGHT_JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
            STRAIGHT_JOIN ingest_sheet sh ON sh.id = w.sheet_id AND sh.superseded_by IS NULL
            WHERE o.master_id IN (%1$s)
            UNION ALL
            SELECT o.master_id, 'D3', c.id, c.period, c.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.cert_level,
                   c.cert_no, NULL, NULL, NULL, NULL, NULL, c.district_code
            FROM worker_source o FORCE INDEX (worker_source_master) STRAIGHT_JOIN stg_d3_certificate c ON o.template = 'D3' AND c.id = o.stg_id
            STRAIGHT_JOIN ingest_sheet sh ON sh.id = c.sheet_id AND sh.superseded_by IS NULL
            WHERE o.master_id IN (%1$s)""",
            fields("name", Rule.NEWEST, "gender", Rule.STREET_ONLY, "birth_date", Rule.STREET_ONLY,
                    "education", Rule.STREET_ONLY, "political_status", Rule.STREET_ONLY, "post", Rule.STREET_ONLY,
                    "is_committee", Rule.STREET_ONLY, "is_sw_post", Rule.STREET_ONLY,
                    "cert_level", Rule.DISTRICT_ONLY, "cert_no", Rule.DISTRICT_ONLY,
                    "claimed_cert_level", Rule.STREET_ONLY, "claimed_cert_no", Rule.STREET_ONLY,
                    "community_code", Rule.STREET_ONLY, "hired_on", Rule.STREET_ONLY, "phone", Rule.STREET_ONLY,
                    "district_code", Rule.STREET_FIRST),
            List.of("education", "cert_verified"),
            List.of("education", "cert_level"));

    final String id;
    final String table;
    final String rowsSql;
    final Map<String, Rule> rules;
    /** The columns survivorship sets: every rule's field, then the derived ones. */
    final List<String> columns;
    /**
     * The connection's own temporary table a batch's chosen values pass through, made like V11's
     * template table: invisible to the other lane, so neither locks the other's rows.
     */
    final String scratch;
    /** Creates {@link #scratch} on a connection the first time. */
    final String createScratch;
    /** Sets a master's columns from its scratch row; the name is never emptied. */
    final String updateFromScratch;

    /** Where the master's earlier versions are kept ({@link AttributeHistory}). */
    final String historyTable;
    /** The attributes the indicators read, kept as of each month. */
    final List<String> historyFields;
    /** The fields whose rules those attributes follow from. */
    final List<String> historyInputs;

    MasterKind(String id, String table, String rowsSql, Map<String, Rule> rules, List<String> historyFields,
            List<String> historyInputs) {
        this.id = id;
        this.historyTable = table + "_asof";
        this.historyFields = historyFields;
        this.historyInputs = historyInputs;
        this.table = table;
        this.rowsSql = rowsSql;
        this.rules = rules;
        List<String> all = new ArrayList<>(rules.keySet());
        // What derive() adds beyond the rules' fields (reg_status is a rule's field for organizations).
        if (id.equals("worker")) {
            all.addAll(List.of("cert_verified", "on_roster"));
        }
        this.columns = List.copyOf(all);
        this.scratch = "survive_" + id + "_batch";
        this.createScratch = "CREATE TEMPORARY TABLE IF NOT EXISTS " + scratch + " LIKE survive_" + id;
        // The batch's 1,000 rows drive the join (STRAIGHT_JOIN): a temporary table's statistics may
        // lead the optimizer to walk the whole master table once per batch instead.
        StringBuilder set = new StringBuilder("UPDATE " + scratch + " s STRAIGHT_JOIN " + table
                + " m ON m.id = s.id SET ");
        for (String column : columns) {
            set.append("m.").append(column).append(column.equals("name") ? " = COALESCE(s.name, m.name), "
                    : " = s." + column + ", ");
        }
        this.updateFromScratch = set.append("m.first_period = s.first_period, m.last_period = s.last_period, ")
                .append("m.dirty = FALSE, m.updated_at = CURRENT_TIMESTAMP(6)").toString();
    }

    List<String> historyColumns() {
        List<String> all = new ArrayList<>(List.of("master_id", "valid_from", "valid_until"));
        all.addAll(historyFields);
        return all;
    }

    List<String> scratchColumns() {
        List<String> all = new ArrayList<>();
        all.add("id");
        all.addAll(columns);
        all.add("first_period");
        all.add("last_period");
        return all;
    }

    private static Map<String, Rule> fields(Object... pairs) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rules.put((String) pairs[i], (Rule) pairs[i + 1]);
        }
        return rules;
    }
}
