package cn.sanshe.pipeline.jobs;

import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The operator's handle on job executions. Restart continues a failed, stopped or crashed
 * execution from its last committed chunk; an execution still marked STARTED is restarted only
 * when its owning process is known to be gone (same host, process no longer alive).
 */
@Service
public class JobControl {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    JobControl(JobOperator jobOperator, JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** Runs a job to its end in this process and says how it went. */
    public JobOutcome run(Job job, JobParameters parameters) throws Exception {
        return JobOutcome.of(jobOperator.start(job, parameters));
    }

    public List<JobSummary> recent(int limit) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?""",
                (rs, i) -> new JobSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.LocalDateTime.class), rs.getObject(5, java.time.LocalDateTime.class),
                        rs.getString(6)),
                limit);
    }

    public JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new IllegalArgumentException("没有执行号为 " + executionId + " 的作业");
        }
        return execution;
    }

    /** Host and process that ran the execution, when recorded. */
    public Map<String, Object> owner(long executionId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT host, pid FROM job_run_owner WHERE job_execution_id = ?", executionId);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public JobOutcome restart(long executionId, boolean force) throws Exception {
        JobExecution execution = execution(executionId);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalStateException("执行号 " + executionId + " 已完成，无需重启");
        }
        if (execution.isRunning()) {
            String why = stillRunningElsewhere(executionId);
            if (why != null && !force) {
                throw new IllegalStateException(why + "；若确认它已停止，加 --force 重启");
            }
            // Left STARTED by a crash: mark it failed so Spring Batch lets it be restarted.
            execution = jobOperator.recover(execution);
        }
        return JobOutcome.of(jobOperator.restart(execution));
    }

    /**
     * Marks an execution left STARTED by a dead process (and its unfinished steps) FAILED, without
     * running anything, so it can be restarted: Spring Batch 6's {@code JobOperator.recover}.
     */
    public JobExecution recover(long executionId) {
        return jobOperator.recover(execution(executionId));
    }

    public boolean stop(long executionId) throws Exception {
        return jobOperator.stop(executionId);
    }

    /** Null when the owning process is known to be gone, else why the execution may still run. */
    String stillRunningElsewhere(long executionId) {
        Map<String, Object> owner = owner(executionId);
        if (owner.isEmpty()) {
            return "执行号 " + executionId + " 仍标记为运行中，且不知由哪个进程运行";
        }
        String host = (String) owner.get("host");
        long pid = ((Number) owner.get("pid")).longValue();
        if (!host.equals(RunOwnerRecorder.thisHost())) {
            return "执行号 " + executionId + " 在主机 " + host + " 上运行（进程 " + pid + "）";
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? "执行号 " + executionId + " 仍在本机进程 " + pid + " 中运行" : null;
    }
}
