package cn.sanshe.pipeline.reconcile.link;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks dirty the masters of rows whose sheet was superseded (a corrected resubmission) or restored
 * since reconcile last looked, so survivorship recomputes them from the rows now in force. Linking
 * only dirties the masters of new rows; without this, a value or a month only the replaced sheet
 * gave would stay on its master.
 */
@Component
public class SupersededSheets {

    /** Per template: its staging table and the source and master tables its rows link to. Constants. */
    private static final Map<String, String[]> TABLES = Map.of(
            "S2", new String[] {"stg_s2_org_ledger", "org_source", "org_master"},
            "D1", new String[] {"stg_d1_org_registry", "org_source", "org_master"},
            "S3", new String[] {"stg_s3_worker", "worker_source", "worker_master"},
            "D3", new String[] {"stg_d3_certificate", "worker_source", "worker_master"});

    private final JdbcTemplate jdbc;

    SupersededSheets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the sheets acted on; runs in the caller's transaction (reconcileSupersededStep's). */
    public int markMastersDirty() {
        // Few sheets change between runs; each is joined to its rows through the staging (sheet_id, row_no) key.
        List<Map<String, Object>> changed = jdbc.queryForList("""
                SELECT id, template, superseded_by FROM ingest_sheet
                WHERE template IN ('S2', 'D1', 'S3', 'D3') AND NOT (superseded_by <=> reconciled_superseded_by)
                FOR UPDATE""");
        for (Map<String, Object> sheet : changed) {
            String[] tables = TABLES.get((String) sheet.get("template"));
            jdbc.update("UPDATE " + tables[0] + " s STRAIGHT_JOIN " + tables[1] + " o ON o.template = ? AND o.stg_id = s.id "
                    + "STRAIGHT_JOIN " + tables[2] + " m ON m.id = o.master_id SET m.dirty = TRUE "
                    + "WHERE s.sheet_id = ? AND m.dirty = FALSE", sheet.get("template"), sheet.get("id"));
            jdbc.update("UPDATE ingest_sheet SET reconciled_superseded_by = superseded_by WHERE id = ?", sheet.get("id"));
        }
        return changed.size();
    }
}
