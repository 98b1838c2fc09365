package cn.sanshe.pipeline.reconcile.conflict;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one conflict that spans masters: a certificate number under two identity numbers, found
 * after survivorship has brought {@code worker_cert_no} up to date. The conflicts one master's
 * own rows show are opened by {@link MasterConflicts} during survivorship. The unique key (kind,
 * master, period, conflict key) makes a re-run add nothing it found before, and a resolved
 * conflict stays resolved. Rows of superseded sheets do not count.
 */
public class ConflictDetector implements Tasklet {

    private static final String OPEN = "INSERT INTO reconcile_conflict (kind, period, master_kind, master_id, "
            + "district_code, conflict_key, detail, status, opened_at) ";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE status = reconcile_conflict.status";

    private final JdbcTemplate jdbc;

    public ConflictDetector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(certificateUnderTwoIds());
        return RepeatStatus.FINISHED;
    }

    /**
     * A certificate number under more than one identity number. Walks {@code worker_cert_no} in key
     * order (the numbers with two masters first, from the key alone), so no sort of every roster and
     * register row is needed.
     */
    int certificateUnderTwoIds() {
        return jdbc.update(OPEN + """
                SELECT 'CERT_TWO_IDS', MAX(c.last_period), 'worker', MIN(c.master_id), MIN(c.district_code), c.cert_no,
                       CONCAT('证书编号', c.cert_no, '出现在', COUNT(*), '个身份证号下：',
                              GROUP_CONCAT(m.id_masked ORDER BY m.id SEPARATOR '、')),
                       'open', CURRENT_TIMESTAMP(6)
                FROM (SELECT cert_no FROM worker_cert_no GROUP BY cert_no HAVING COUNT(*) > 1) twice
                STRAIGHT_JOIN worker_cert_no c ON c.cert_no = twice.cert_no
                STRAIGHT_JOIN worker_master m ON m.id = c.master_id
                GROUP BY c.cert_no""" + ON_DUPLICATE);
    }
}
