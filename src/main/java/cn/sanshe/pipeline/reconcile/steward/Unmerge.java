package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.reconcile.survive.Survivorship;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes source rows (named as a steward sees them: file, sheet, row) out of a wrong organization
 * merge into a master of their own, and records that the two are different. Linked rows are
 * never re-linked by the machine, so the correction survives every re-run.
 *
 * <p>Workers are not unmerged: the same identity number is the same person by definition
 * (identifiers.md); a wrong number is corrected at the source and arrives as a new row.
 */
@Service
public class Unmerge {

    private final JdbcTemplate jdbc;
    private final DecisionLog log;
    private final Survivorship survivorship;

    Unmerge(JdbcTemplate jdbc, DecisionLog log, Survivorship survivorship) {
        this.jdbc = jdbc;
        this.log = log;
        this.survivorship = survivorship;
    }

    /** A source row as {@code FILE:SHEET:ROW}. */
    public record RowRef(String file, String sheet, int row) {

        public static RowRef parse(String text) {
            int last = text.lastIndexOf(':');
            int middle = last < 0 ? -1 : text.lastIndexOf(':', last - 1);
            if (middle <= 0) {
                throw new IllegalArgumentException("行应写作 文件:工作表:行号，实为“" + text + "”");
            }
            return new RowRef(text.substring(0, middle), text.substring(middle + 1, last),
                    Integer.parseInt(text.substring(last + 1)));
        }
    }

    /** Returns the id of the new master. */
    @Transactional
    public long orgRows(long masterId, List<RowRef> rows, String who, String reason) {
        List<Long> sourceIds = new ArrayList<>();
        for (RowRef ref : rows) {
            List<Long> found = jdbc.queryForList("""
                    SELECT o.id FROM org_source o
                    JOIN (SELECT 'S2' AS template, id, sheet_id, row_no FROM stg_s2_org_ledger
                          UNION ALL SELECT 'D1', id, sheet_id, row_no FROM stg_d1_org_registry) t
                      ON t.template = o.template AND t.id = o.stg_id
                    JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                    WHERE o.master_id = ? AND f.path = ? AND s.sheet_name = ? AND t.row_no = ?""", Long.class,
                    masterId, ref.file(), ref.sheet(), ref.row());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("主记录 " + masterId + " 下没有这一行：" + ref.file() + ":" + ref.sheet()
                        + ":" + ref.row());
            }
            sourceIds.addAll(found);
        }
        return split(masterId, sourceIds, rows.toString(), who, reason);
    }

    /**
     * The console's unmerge: source rows (their {@code org_source} ids, as the master's page lists
     * them) of a master inside the user's jurisdiction. Another jurisdiction's master is not found;
     * a row that is not (or no longer) the master's is refused.
     */
    @Transactional
    public long orgSources(cn.sanshe.pipeline.console.ConsoleUser user, long masterId, List<Long> sourceIds,
            String reason) {
        List<java.util.Map<String, Object>> master = jdbc.queryForList(
                "SELECT district_code, community_code, merged_into FROM org_master WHERE id = ? FOR UPDATE", masterId);
        if (master.isEmpty() || !user.jurisdiction().covers(scopeOf(master.get(0)))) {
            throw new cn.sanshe.pipeline.console.RecordNotFound("org master " + masterId);
        }
        if (sourceIds.isEmpty()) {
            throw new IllegalArgumentException("请选择要拆出的来源行");
        }
        for (Long id : sourceIds) {
            Long owner = jdbc.queryForList("SELECT master_id FROM org_source WHERE id = ?", Long.class, id).stream()
                    .findFirst().orElse(null);
            if (owner == null || owner != masterId) {
                throw new cn.sanshe.pipeline.console.DecisionRefused(
                        "所选来源行已不属于这条主记录（页面打开后有变化），请刷新后再拆分。");
            }
        }
        List<String> described = jdbc.queryForList("""
                SELECT CONCAT(f.path, ':', s.sheet_name, ':', t.row_no) FROM org_source o
                JOIN (SELECT 'S2' AS template, id, sheet_id, row_no FROM stg_s2_org_ledger
                      UNION ALL SELECT 'D1', id, sheet_id, row_no FROM stg_d1_org_registry) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                WHERE o.id IN (%s)""".formatted(String.join(",", java.util.Collections.nCopies(sourceIds.size(), "?"))),
                String.class, sourceIds.toArray());
        return split(masterId, sourceIds, described.toString(), user.username(), reason);
    }

    /** Where an org master lies: its community's street, or its district when it has no community. */
    static String scopeOf(java.util.Map<String, Object> master) {
        String community = (String) master.get("community_code");
        return community != null && community.length() >= 9 ? community.substring(0, 9)
                : (String) master.get("district_code");
    }

    private long split(long masterId, List<Long> sourceIds, String rows, String who, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("请说明理由：每个决定都要记录原因");
        }
        Integer all = jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = ?", Integer.class, masterId);
        if (all != null && all == sourceIds.size()) {
            throw new IllegalArgumentException("不能拆出主记录的全部行：至少要留一行");
        }
        String scope = scopeOf(jdbc.queryForMap("SELECT district_code, community_code FROM org_master WHERE id = ?",
                masterId));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement copy = connection.prepareStatement("""
                    INSERT INTO org_master (district_code, community_code, name, norm_name, reg_status, first_period,
                                            last_period, dirty, updated_at)
                    SELECT district_code, community_code, name, norm_name, reg_status, first_period, last_period, TRUE,
                           CURRENT_TIMESTAMP(6) FROM org_master WHERE id = ?""", Statement.RETURN_GENERATED_KEYS);
            copy.setLong(1, masterId);
            return copy;
        }, key);
        long newId = key.getKey().longValue();
        jdbc.batchUpdate("UPDATE org_source SET master_id = ?, how = 'steward' WHERE id = ?",
                sourceIds.stream().map(id -> new Object[] {newId, id}).toList());
        jdbc.update("INSERT INTO master_apart (master_kind, master_a, master_b) VALUES ('org', ?, ?)", masterId, newId);
        log.record("unmerge", "master " + masterId, sourceIds.size() + " 行拆出为主记录 " + newId + "：" + rows, who, reason,
                scope, "org", masterId);
        survivorship.recompute("org", List.of(masterId, newId));
        return newId;
    }
}
