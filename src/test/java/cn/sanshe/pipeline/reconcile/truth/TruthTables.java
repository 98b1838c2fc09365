package cn.sanshe.pipeline.reconcile.truth;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tables a truth run starts from empty: staging, ingest bookkeeping and everything reconcile makes. */
public final class TruthTables {

    private TruthTables() {
    }

    /** Every table named stg_*, ingest_*, org_*, worker_*, master_*, plus reconcile_conflict and steward_decision. */
    public static List<String> all(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
                  AND (table_name LIKE 'stg\\_%' OR table_name LIKE 'ingest\\_%' OR table_name LIKE 'org\\_%'
                       OR table_name LIKE 'worker\\_%' OR table_name LIKE 'master\\_%'
                       OR table_name IN ('reconcile_conflict', 'steward_decision'))
                ORDER BY table_name""", String.class);
    }

    /** DELETE: what a test does on the shared database. */
    public static void delete(JdbcTemplate jdbc) {
        all(jdbc).forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    /** TRUNCATE: fast and without an undo log for the purge thread to chew on; a benchmark's own database only. */
    public static void truncate(JdbcTemplate jdbc) {
        all(jdbc).forEach(table -> jdbc.execute("TRUNCATE TABLE " + table));
    }
}
