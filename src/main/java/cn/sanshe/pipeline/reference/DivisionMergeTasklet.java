package cn.sanshe.pipeline.reference;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves a checked file into the reference in one transaction: new codes are added, known ones
 * take the file's name and attributes. Loading the same file again changes nothing.
 */
class DivisionMergeTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    DivisionMergeTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long loadId = contribution.getStepExecution().getJobExecution().getJobInstanceId();
        int merged = jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                SELECT r.code, r.name, r.level, r.parent_code, r.urban_rural,
                       CASE WHEN r.level IN ('district', 'street', 'community') THEN LEFT(r.code, 6) END,
                       CASE WHEN r.level IN ('street', 'community') THEN LEFT(r.code, 9) END,
                       CURRENT_TIMESTAMP(6)
                FROM division_load_row r WHERE r.load_id = ?
                ON DUPLICATE KEY UPDATE name = r.name, level = r.level, parent_code = r.parent_code,
                       urban_rural = r.urban_rural, loaded_at = CURRENT_TIMESTAMP(6)""", loadId);
        jdbc.update("DELETE FROM division_load_row WHERE load_id = ?", loadId);
        contribution.incrementWriteCount(merged);
        return RepeatStatus.FINISHED;
    }
}
