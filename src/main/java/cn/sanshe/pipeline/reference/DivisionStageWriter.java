package cn.sanshe.pipeline.reference;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages well-formed lines and records the problems of the others, keyed by the load (the job
 * instance), so a restart of the same load rewrites the same keys instead of adding rows.
 */
class DivisionStageWriter implements ItemWriter<DivisionRow>, StepExecutionListener {

    private final JdbcTemplate jdbc;
    private long loadId;

    DivisionStageWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        loadId = stepExecution.getJobExecution().getJobInstanceId();
    }

    @Override
    public void write(Chunk<? extends DivisionRow> chunk) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> problems = new ArrayList<>();
        for (DivisionRow row : chunk) {
            if (row.problems().isEmpty()) {
                rows.add(new Object[] {loadId, row.lineNo(), row.code(), row.name(), row.level(), row.parentCode(),
                        row.urbanRural()});
            } else {
                row.problems().forEach(problem -> problems.add(new Object[] {loadId, row.lineNo(), problem}));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO division_load_row (load_id, line_no, code, name, level, parent_code, urban_rural)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE code = code""", rows);
        jdbc.batchUpdate("INSERT INTO division_load_problem (load_id, line_no, problem) VALUES (?, ?, ?)", problems);
    }
}
