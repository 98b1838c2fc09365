package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.ConsoleQueue;
import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.DecisionRefused;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.reconcile.conflict.ConflictKind;
import cn.sanshe.pipeline.reconcile.survive.Survivorship;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listing and resolving conflicts; a chosen value becomes an override survivorship keeps.
 *
 * <p>A conflict lies in the streets of the rows that show it (the communities of a worker's
 * rosters that month, an organization's community). One inside a single street is that street's
 * to decide; one that spans two streets (a worker in communities of different streets) is the
 * district's, and each street sees it read-only.
 */
@Service
public class Conflicts implements ConsoleQueue {

    /** The rows of the masters a conflict {@code c} concerns, as a condition on {@code o.master_id}. */
    private static final String MASTERS_OF_C = "(o.master_id = c.master_id OR (c.kind = 'CERT_TWO_IDS' AND o.master_id IN "
            + "(SELECT k.master_id FROM worker_cert_no k WHERE k.cert_no = c.conflict_key)))";

    private final JdbcTemplate jdbc;
    private final DecisionLog log;
    private final Survivorship survivorship;

    Conflicts(JdbcTemplate jdbc, DecisionLog log, Survivorship survivorship) {
        this.jdbc = jdbc;
        this.log = log;
        this.survivorship = survivorship;
    }

    /** One conflict as a steward reads it. */
    public record Conflict(long id, ConflictKind kind, String period, String masterKind, long masterId, String district,
            String detail, String status, String chosenValue, Set<String> streets, String scope, List<String> choices) {
    }

    /** A row behind a conflict: where it was sent, and how its identity number compares (never the number). */
    public record Evidence(String template, String file, String sheet, int rowNo, String period, String name,
            String community, String identity, String cert) {
    }

    public enum Outcome { DONE, ALREADY }

    @Override
    public String titleKey() {
        return "nav.conflicts";
    }

    @Override
    public String path() {
        return "/conflicts";
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public long open(Jurisdiction jurisdiction) {
        List<Object> args = new ArrayList<>();
        String where = where(jurisdiction, args);
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_conflict c WHERE c.status = 'open' AND " + where,
                Long.class, args.toArray());
    }

    public List<Map<String, Object>> open(String districtPrefix) {
        return jdbc.queryForList("""
                SELECT id, kind, period, master_kind, master_id, district_code, detail FROM reconcile_conflict
                WHERE status = 'open' AND district_code LIKE ? ORDER BY district_code, kind, period, id""",
                (districtPrefix == null ? "" : districtPrefix) + "%");
    }

    /** A street sees the conflicts its rows show; a district or city those of its districts. */
    private static String where(Jurisdiction jurisdiction, List<Object> args) {
        if (!jurisdiction.isStreet()) {
            args.add(jurisdiction.like());
            return "c.district_code LIKE ?";
        }
        args.add(jurisdiction.like());
        args.add(jurisdiction.like());
        return "((c.master_kind = 'worker' AND EXISTS (SELECT 1 FROM worker_source o JOIN stg_s3_worker w "
                + "ON o.template = 'S3' AND w.id = o.stg_id WHERE " + MASTERS_OF_C + " AND o.period = c.period "
                + "AND w.community_code LIKE ?)) OR (c.master_kind = 'org' AND EXISTS (SELECT 1 FROM org_master m "
                + "WHERE m.id = c.master_id AND m.community_code LIKE ?)))";
    }

    /** The open conflicts of the jurisdiction (the page shows which are read-only). */
    public List<Conflict> page(Jurisdiction jurisdiction, int page) {
        List<Object> args = new ArrayList<>();
        String where = where(jurisdiction, args);
        args.add(100);
        args.add(Math.max(page, 0) * 100);
        List<Long> ids = jdbc.queryForList("SELECT c.id FROM reconcile_conflict c WHERE c.status = 'open' AND " + where
                + " ORDER BY c.district_code, c.kind, c.period, c.id LIMIT ? OFFSET ?", Long.class, args.toArray());
        return ids.stream().map(this::load).toList();
    }

    /** One conflict the jurisdiction may see; another's id is not found. */
    public Conflict conflict(Jurisdiction jurisdiction, long id) {
        Conflict conflict = load(id);
        if (conflict == null || !(jurisdiction.covers(conflict.scope()) || jurisdiction.touches(conflict.streets()))) {
            throw new RecordNotFound("conflict " + id);
        }
        return conflict;
    }

    private Conflict load(long id) {
        List<Map<String, Object>> found = jdbc.queryForList("SELECT * FROM reconcile_conflict WHERE id = ?", id);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> c = found.get(0);
        ConflictKind kind = ConflictKind.valueOf((String) c.get("kind"));
        String period = (String) c.get("period");
        long masterId = ((Number) c.get("master_id")).longValue();
        String district = (String) c.get("district_code");
        Set<String> communities = new TreeSet<>();
        if ("worker".equals(c.get("master_kind"))) {
            communities.addAll(jdbc.queryForList("""
                    SELECT DISTINCT w.community_code FROM reconcile_conflict c JOIN worker_source o ON %s
                    JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                    WHERE c.id = ? AND o.period = c.period""".formatted(MASTERS_OF_C), String.class, id));
        } else {
            jdbc.queryForList("SELECT community_code FROM org_master WHERE id = ?", String.class, masterId).stream()
                    .filter(code -> code != null).forEach(communities::add);
        }
        Set<String> streets = new TreeSet<>();
        communities.forEach(code -> streets.add(code.substring(0, Math.min(9, code.length()))));
        String scope = streets.size() == 1 ? streets.iterator().next() : district;
        List<String> choices = switch (kind) {
            case WORKER_TWO_COMMUNITIES -> List.copyOf(communities);
            case ORG_ACTIVE_BUT_CANCELLED -> List.of("正常", "注销", "撤销");
            default -> List.of("已核实");
        };
        return new Conflict(id, kind, period, (String) c.get("master_kind"), masterId, district, (String) c.get("detail"),
                (String) c.get("status"), (String) c.get("chosen_value"), streets, scope, choices);
    }

    /** The rows that show the conflict: worker rows compare identity numbers (same / valid), never show them. */
    public List<Evidence> evidence(Conflict conflict) {
        if (conflict.masterKind().equals("org")) {
            return jdbc.query("""
                    SELECT o.template, f.path, s.sheet_name, t.row_no, o.period, t.org_name, o.community_code
                    FROM org_source o
                    JOIN (SELECT 'S2' AS template, id, sheet_id, row_no, org_name FROM stg_s2_org_ledger
                          UNION ALL SELECT 'D1', id, sheet_id, row_no, org_name FROM stg_d1_org_registry) t
                      ON t.template = o.template AND t.id = o.stg_id
                    JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                    WHERE o.master_id = ? AND o.period <= ? ORDER BY o.period DESC, o.template LIMIT 50""",
                    (rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), "", ""),
                    conflict.masterId(), conflict.period());
        }
        List<Long> masters = conflict.kind() == ConflictKind.CERT_TWO_IDS
                ? jdbc.queryForList("""
                        SELECT k.master_id FROM reconcile_conflict c JOIN worker_cert_no k ON k.cert_no = c.conflict_key
                        WHERE c.id = ? ORDER BY k.master_id""", Long.class, conflict.id())
                : List.of(conflict.masterId());
        List<Evidence> rows = new ArrayList<>();
        for (long master : masters) {
            String identity = masters.size() == 1 ? "同一身份证号（有效）"
                    : "身份证号与其他行不同（各自有效），第 " + (masters.indexOf(master) + 1) + " 人";
            rows.addAll(jdbc.query("""
                    SELECT 'S3', f.path, s.sheet_name, w.row_no, w.period, w.name, w.community_code, w.cert_no
                    FROM worker_source o JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                    JOIN ingest_sheet s ON s.id = w.sheet_id JOIN ingest_file f ON f.id = s.file_id
                    WHERE o.master_id = ? AND o.period = ?
                    UNION ALL
                    SELECT 'D3', f.path, s.sheet_name, d.row_no, d.period, d.name, d.street_code, d.cert_no
                    FROM worker_source o JOIN stg_d3_certificate d ON o.template = 'D3' AND d.id = o.stg_id
                    JOIN ingest_sheet s ON s.id = d.sheet_id JOIN ingest_file f ON f.id = s.file_id
                    WHERE o.master_id = ? AND o.period = ?""",
                    (rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), identity, rs.getString(8)),
                    master, conflict.period(), master, conflict.period()));
        }
        return rows;
    }

    /** The console's resolve: inside the jurisdiction, one of the offered values, idempotent. */
    @Transactional
    public Outcome resolve(ConsoleUser user, long id, String value, String reason) {
        jdbc.queryForList("SELECT id FROM reconcile_conflict WHERE id = ? FOR UPDATE", id);
        Conflict conflict = conflict(user.jurisdiction(), id);
        if (!user.jurisdiction().covers(conflict.scope())) {
            throw new DecisionRefused("这个冲突涉及两个街道，由区县数据管理员决定；本街道只能查看。");
        }
        if (!"open".equals(conflict.status())) {
            if (value != null && value.equals(conflict.chosenValue())) {
                return Outcome.ALREADY;
            }
            throw new DecisionRefused("这个冲突已处理（选择了“" + conflict.chosenValue() + "”），请刷新页面。");
        }
        if (value == null || !conflict.choices().contains(value)) {
            throw new IllegalArgumentException("请从给出的选项中选择");
        }
        apply(conflict, value, user.username(), reason);
        return Outcome.DONE;
    }

    @Transactional
    public void resolve(long id, String value, String who, String reason) {
        Conflict conflict = load(id);
        if (conflict == null) {
            throw new IllegalArgumentException("没有编号为 " + id + " 的冲突");
        }
        if (!"open".equals(conflict.status())) {
            throw new IllegalStateException("冲突 " + id + " 已处理");
        }
        apply(conflict, value, who, reason);
    }

    private void apply(Conflict conflict, String value, String who, String reason) {
        long id = conflict.id();
        ConflictKind kind = conflict.kind();
        long masterId = conflict.masterId();
        String scope = conflict.scope();
        log.record("resolve", "conflict " + id, kind + " 选择“" + value + "”", who, reason, scope, kind.masterKind(),
                masterId);
        if (kind.field() != null) {
            jdbc.update("""
                    INSERT INTO master_override (master_kind, master_id, field, value, valid_from) VALUES (?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE value = VALUES(value), valid_from = VALUES(valid_from)""",
                    kind.masterKind(), masterId, kind.field(), value, conflict.period());
            survivorship.recompute(kind.masterKind(), List.of(masterId));
        }
        jdbc.update("""
                UPDATE reconcile_conflict SET status = 'resolved', chosen_value = ?, resolved_at = CURRENT_TIMESTAMP(6)
                WHERE id = ?""", value, id);
    }
}
