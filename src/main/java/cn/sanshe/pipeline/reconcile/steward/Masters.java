package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.reconcile.ReconcileProperties;
import cn.sanshe.pipeline.reconcile.match.NameSimilarity;
import cn.sanshe.pipeline.reconcile.match.Pinyin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Organization master records as a steward reads them: the surviving fields, the source rows
 * behind them (file, sheet, row, month) and, for a review pair, why the two scored as they did.
 * Every read takes the jurisdiction; a master outside it is not found.
 */
@Service
public class Masters {

    /** The fields a steward compares, in the order of the page, with their Chinese names. */
    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "名称");
        fields.put("credit_code", "统一社会信用代码");
        fields.put("reg_status", "登记状态");
        fields.put("org_type", "组织类型");
        fields.put("registry_status", "登记机关状态");
        fields.put("legal_rep", "法定代表人");
        fields.put("person_in_charge", "负责人");
        fields.put("phone", "联系电话");
        fields.put("community_code", "所属社区");
        fields.put("service_domain", "服务领域");
        fields.put("first_period", "首次出现");
        fields.put("last_period", "最近出现");
        FIELDS = fields;
    }

    private final JdbcTemplate jdbc;
    private final ReconcileProperties thresholds;

    Masters(JdbcTemplate jdbc, ReconcileProperties thresholds) {
        this.jdbc = jdbc;
        this.thresholds = thresholds;
    }

    /** A source row behind a master. */
    public record Source(long id, String template, String file, String sheet, int rowNo, String period, String name,
            String person, String phone, String community, String how) {
    }

    /** A master with where it lies. */
    public record Master(long id, Map<String, Object> fields, Long mergedInto, String scope) {
    }

    /** Why a pair scored as it did. */
    public record Why(String nameA, String nameB, double characters, double withPinyin, boolean pinyinHelped,
            boolean samePerson, boolean samePhone, boolean sameCommunity, double score, double reviewThreshold,
            double mergeThreshold, String rule) {
    }

    public Master org(Jurisdiction jurisdiction, long id) {
        Master master = org(id);
        if (master == null || !jurisdiction.covers(master.scope())) {
            throw new RecordNotFound("org master " + id);
        }
        return master;
    }

    /** A master of a pair the jurisdiction may see (the pair's own check has been made). */
    Master org(long id) {
        List<Map<String, Object>> found = jdbc.queryForList("SELECT * FROM org_master WHERE id = ?", id);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> row = found.get(0);
        Map<String, Object> fields = new LinkedHashMap<>();
        FIELDS.keySet().forEach(field -> fields.put(field, row.get(field)));
        Number merged = (Number) row.get("merged_into");
        return new Master(id, fields, merged == null ? null : merged.longValue(), Unmerge.scopeOf(row));
    }

    public Master orgOfPair(Reviews.Pair pair, boolean first) {
        return org(first ? pair.masterA() : pair.masterB());
    }

    public List<Source> sources(long masterId) {
        return jdbc.query("""
                SELECT o.id, o.template, f.path, s.sheet_name, t.row_no, o.period, t.org_name, o.person, o.phone,
                       o.community_code, o.how
                FROM org_source o
                JOIN (SELECT 'S2' AS template, id, sheet_id, row_no, org_name FROM stg_s2_org_ledger
                      UNION ALL SELECT 'D1', id, sheet_id, row_no, org_name FROM stg_d1_org_registry) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                WHERE o.master_id = ? ORDER BY o.period, f.path, s.sheet_name, t.row_no""",
                (rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)), masterId);
    }

    /** The decisions about a master, newest first. */
    public List<Map<String, Object>> history(long masterId) {
        return jdbc.queryForList("""
                SELECT action, subject, detail, decided_by, reason, decided_at FROM steward_decision
                WHERE master_kind = 'org' AND master_id = ? ORDER BY decided_at DESC, id DESC""", masterId);
    }

    /** Likeness of the names (characters, pinyin), the person and phone in common, the rule that fired. */
    public Why why(Reviews.Pair pair, Master a, Master b) {
        String nameA = normName(pair.masterA());
        String nameB = normName(pair.masterB());
        int longer = Math.max(1, Math.max(nameA.length(), nameB.length()));
        double characters = 1.0 - (double) LevenshteinDistance.getDefaultInstance().apply(nameA, nameB) / longer;
        double withPinyin = NameSimilarity.of(nameA, Pinyin.syllables(nameA), nameB, Pinyin.syllables(nameB));
        boolean samePerson = !intersection(pair.masterA(), pair.masterB(), "person").isEmpty();
        boolean samePhone = !intersection(pair.masterA(), pair.masterB(), "phone").isEmpty();
        boolean sameCommunity = Objects.equals(a.fields().get("community_code"), b.fields().get("community_code"));
        String rule = String.format("同一社区内评分：0.6×名称相似度＋0.2×负责人相同＋0.2×电话相同（缺项不计权重；只有名称时最多到复核区间）。"
                + "评分 %.2f 在复核线 %.2f 与合并线 %.2f 之间：不自动合并，交数据管理员判断。", pair.score(),
                thresholds.reviewThreshold(), thresholds.mergeThreshold());
        return new Why(nameA, nameB, characters, withPinyin, withPinyin > characters + 1e-9, samePerson, samePhone,
                sameCommunity, pair.score(), thresholds.reviewThreshold(), thresholds.mergeThreshold(), rule);
    }

    private String normName(long masterId) {
        return jdbc.queryForObject("SELECT norm_name FROM org_master WHERE id = ?", String.class, masterId);
    }

    private List<String> intersection(long a, long b, String column) {
        return jdbc.queryForList("""
                SELECT DISTINCT x.%1$s FROM org_source x JOIN org_source y ON y.%1$s = x.%1$s
                WHERE x.master_id = ? AND y.master_id = ? AND x.%1$s IS NOT NULL AND x.%1$s <> ''""".formatted(column),
                String.class, a, b);
    }
}
