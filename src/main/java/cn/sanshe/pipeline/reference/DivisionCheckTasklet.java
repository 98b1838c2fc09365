package cn.sanshe.pipeline.reference;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checks that need the whole file, done in SQL over the staged lines so their number does
 * not matter: a code given twice, a parent neither in the file nor already in the reference.
 * Any problem, from here or from the lines themselves, refuses the whole file.
 */
class DivisionCheckTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    DivisionCheckTasklet(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // The problems must outlive the failure of this step, which rolls back the step's transaction.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long loadId = contribution.getStepExecution().getJobExecution().getJobInstanceId();
        Integer problems = ownTransaction.execute(status -> findProblems(loadId));
        if (problems != null && problems > 0) {
            throw new DivisionFileRefusedException("区划文件有" + problems + "处错误，整个文件未加载");
        }
        return RepeatStatus.FINISHED;
    }

    private Integer findProblems(long loadId) {
        jdbc.update("""
                INSERT INTO division_load_problem (load_id, line_no, problem)
                SELECT r.load_id, r.line_no, CONCAT('代码', r.code, '重复，首次出现在第', f.first_line, '行')
                FROM division_load_row r
                JOIN (SELECT code, MIN(line_no) AS first_line FROM division_load_row
                      WHERE load_id = ? GROUP BY code HAVING COUNT(*) > 1) f ON f.code = r.code
                WHERE r.load_id = ? AND r.line_no > f.first_line""", loadId, loadId);
        jdbc.update("""
                INSERT INTO division_load_problem (load_id, line_no, problem)
                SELECT r.load_id, r.line_no, CONCAT('上级代码', r.parent_code, '既不在本文件中，也不在区划表中')
                FROM division_load_row r
                LEFT JOIN division_load_row p ON p.load_id = r.load_id AND p.code = r.parent_code
                LEFT JOIN division d ON d.code = r.parent_code
                WHERE r.load_id = ? AND r.parent_code IS NOT NULL AND p.code IS NULL AND d.code IS NULL""", loadId);
        Integer problems = jdbc.queryForObject("SELECT COUNT(*) FROM division_load_problem WHERE load_id = ?",
                Integer.class, loadId);
        if (problems != null && problems > 0) {
            // The staged lines are of no further use: the file must be corrected and loaded anew.
            jdbc.update("DELETE FROM division_load_row WHERE load_id = ?", loadId);
        }
        return problems;
    }
}
