package cn.sanshe.pipeline.reconcile.link;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same identity number (normalised to 18 characters at ingest, compared by its keyed hash)
 * is the same person. An exact key needs no row in Java: a district's rows not linked yet are
 * linked by set-based statements, one month at a time, each month its own transaction (one
 * {@link #execute} call, retried on a deadlock), oldest month first, so that the row that creates a master is the one a
 * row-by-row pass would have met first (the register before the roster, then staging order).
 *
 * <p>A certificate number shared by two identity numbers is a conflict, not a merge; it is found
 * after linking ({@code conflict}). Linked rows drop out of every statement, so a re-run over the
 * same data changes nothing and a restart continues with the month it stopped in.
 */
class WorkerLinker implements Tasklet {

    /** The district's unlinked rows of sheets in force for one month: {@code ?} = district, period, twice. */
    private static final String UNLINKED = """
            SELECT 0 AS source_order, 'D3' AS template, c.id, c.period, c.district_code, c.name, c.id_hash,
                   c.id_cipher, c.id_masked
            FROM stg_d3_certificate c
            JOIN ingest_sheet s ON s.id = c.sheet_id AND s.superseded_by IS NULL
            LEFT JOIN worker_source o ON o.template = 'D3' AND o.stg_id = c.id
            WHERE c.district_code = ? AND c.period = ? AND o.id IS NULL
            UNION ALL
            SELECT 1, 'S3', w.id, w.period, w.district_code, w.name, w.id_hash, w.id_cipher, w.id_masked
            FROM stg_s3_worker w
            JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL
            LEFT JOIN worker_source o ON o.template = 'S3' AND o.stg_id = w.id
            WHERE w.district_code = ? AND w.period = ? AND o.id IS NULL""";

    /** Masters already there that get rows: survivorship recomputes them. */
    private static final String MARK_DIRTY = """
            UPDATE worker_master m JOIN (SELECT DISTINCT id_hash FROM (%s) u) h ON h.id_hash = m.id_hash
            SET m.dirty = TRUE WHERE m.dirty = FALSE""".formatted(UNLINKED);

    /**
     * A master for every identity number not seen before, described by its first row; inserted in
     * that row's order, so ids follow the data. IGNORE: a district running alongside may create
     * the same person at the same moment.
     */
    private static final String NEW_MASTERS = """
            INSERT IGNORE INTO worker_master (district_code, name, id_hash, id_cipher, id_masked, first_period,
                                              last_period, dirty, updated_at)
            SELECT district_code, name, id_hash, id_cipher, id_masked, period, period, TRUE, CURRENT_TIMESTAMP(6)
            FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.id_hash ORDER BY u.source_order, u.id) AS nth
                  FROM (%s) u
                  WHERE NOT EXISTS (SELECT 1 FROM worker_master m WHERE m.id_hash = u.id_hash)) firsts
            WHERE nth = 1
            ORDER BY source_order, id""".formatted(UNLINKED);

    /** Lineage for one source table: {@code %s} are its table and template. */
    private static final String LINK = """
            INSERT INTO worker_source (template, stg_id, master_id, district_code, period, how, linked_at)
            SELECT '%2$s', t.id, m.id, t.district_code, t.period, 'id_number', CURRENT_TIMESTAMP(6)
            FROM %1$s t
            JOIN ingest_sheet s ON s.id = t.sheet_id AND s.superseded_by IS NULL
            JOIN worker_master m ON m.id_hash = t.id_hash
            LEFT JOIN worker_source o ON o.template = '%2$s' AND o.stg_id = t.id
            WHERE t.district_code = ? AND t.period = ? AND o.id IS NULL
            ORDER BY t.id""";

    private static final String LINK_D3 = LINK.formatted("stg_d3_certificate", "D3");
    private static final String LINK_S3 = LINK.formatted("stg_s3_worker", "S3");

    private final JdbcTemplate jdbc;
    private final String districtCode;
    private final TransactionTemplate transaction;
    private Deque<String> periods;

    WorkerLinker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, String districtCode) {
        this.jdbc = jdbc;
        this.districtCode = districtCode;
        this.transaction = new TransactionTemplate(transactionManager);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Each statement sees what the other districts committed; INSERT … SELECT locks nothing it reads.
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * One month in a transaction of its own, so that a deadlock with a district running alongside
     * (both marking the masters of people on both their rosters) costs a retry of that month only.
     */
    private int linkMonth(String period) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer linked = transaction.execute(status -> {
                    Object[] twice = {districtCode, period, districtCode, period};
                    jdbc.update(MARK_DIRTY, twice);
                    jdbc.update(NEW_MASTERS, twice);
                    return jdbc.update(LINK_D3, districtCode, period) + jdbc.update(LINK_S3, districtCode, period);
                });
                return linked == null ? 0 : linked;
            } catch (PessimisticLockingFailureException | UncategorizedSQLException e) {
                // 1467: InnoDB lost the table's auto-increment lock to a deadlock or a timeout.
                boolean contention = e instanceof PessimisticLockingFailureException
                        || (e instanceof UncategorizedSQLException sql && sql.getSQLException() != null
                                && sql.getSQLException().getErrorCode() == 1467);
                if (!contention || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (periods == null) {
            // From the (district, period) indexes alone; months already linked cost one empty pass each.
            periods = new ArrayDeque<>(jdbc.queryForList("""
                    SELECT period FROM stg_d3_certificate WHERE district_code = ?
                    UNION SELECT period FROM stg_s3_worker WHERE district_code = ?
                    ORDER BY 1""", String.class, districtCode, districtCode));
        }
        String period = periods.poll();
        if (period == null) {
            return RepeatStatus.FINISHED;
        }
        int linked = linkMonth(period);
        // A contribution counts reads one at a time; the rows were read by the database.
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.setReadCount(step.getReadCount() + linked);
        contribution.incrementWriteCount(linked);
        return periods.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
