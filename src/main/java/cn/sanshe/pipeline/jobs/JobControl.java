package cn.sanshe.pipeline.jobs;

import cn.sanshe.pipeline.cli.UsageException;
import java.util.List;
import java.util.Map;
import cn.sanshe.pipeline.system.RunLock;
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
    private final RunLock runLock;

    JobControl(JobOperator jobOperator, JobRepository jobRepository, JdbcTemplate jdbc, RunLock runLock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.runLock = runLock;
    }

    /** Runs a job to its end in this process and says how it went. */
    public JobOutcome run(Job job, JobParameters parameters) throws Exception {
        RunOwnerRecorder.STARTED_ON_THIS_THREAD.remove();
        try {
            return JobOutcome.of(jobOperator.start(job, parameters));
        } catch (RuntimeException e) {
            throw named(job.getName(), e);
        }
    }

    /**
     * A job that could not even record its own failure (the database went away under it) still
     * names its execution and the command that continues it.
     */
    private static RuntimeException named(String job, RuntimeException e) {
        Long id = RunOwnerRecorder.STARTED_ON_THIS_THREAD.get();
        if (id == null) {
            return e;
        }
        String why = JobOutcome.rootMessage(e);
        return new JobInterruptedException("作业 " + job + "（执行号 " + id + "）中断：" + why
                + "。数据库恢复后从中断处继续：jobs restart " + id, e);
    }

    public List<JobSummary> recent(int limit) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE,
                       (SELECT GROUP_CONCAT(CONCAT(p.PARAMETER_NAME, '=', p.PARAMETER_VALUE)
                                            ORDER BY p.PARAMETER_NAME SEPARATOR ' ')
                        FROM BATCH_JOB_EXECUTION_PARAMS p
                        WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME <> 'requestedAt')
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?""",
                (rs, i) -> new JobSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.LocalDateTime.class), rs.getObject(5, java.time.LocalDateTime.class),
                        rs.getString(6), rs.getString(7) == null ? "" : rs.getString(7)),
                limit);
    }

    /**
     * For an ingest execution, the files it finished and their rows as {@code export accounting}
     * counts them (read = loaded + rejected + skipped, data rows only), by file status; empty for
     * other jobs.
     */
    public List<Map<String, Object>> ingestAccounting(JobExecution execution) {
        if (!"ingestJob".equals(execution.getJobInstance().getJobName()) || execution.getStartTime() == null) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT f.status, COUNT(DISTINCT f.id) AS files, COALESCE(SUM(s.rows_read), 0) AS rows_read,
                       COALESCE(SUM(s.rows_loaded), 0) AS rows_loaded, COALESCE(SUM(s.rows_rejected), 0) AS rows_rejected,
                       COALESCE(SUM(s.rows_skipped), 0) AS rows_skipped
                FROM ingest_file f LEFT JOIN ingest_sheet s ON s.file_id = f.id
                WHERE f.loaded_at >= ? AND (? IS NULL OR f.loaded_at <= ?)
                GROUP BY f.status ORDER BY f.status""", execution.getStartTime(), execution.getEndTime(),
                execution.getEndTime());
    }

    /** As {@link #ingestAccounting}, per district: what each district partition loaded. */
    public List<Map<String, Object>> ingestAccountingByDistrict(JobExecution execution) {
        if (!"ingestJob".equals(execution.getJobInstance().getJobName()) || execution.getStartTime() == null) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT f.district_code, COUNT(DISTINCT f.id) AS files, COALESCE(SUM(s.rows_read), 0) AS rows_read,
                       COALESCE(SUM(s.rows_loaded), 0) AS rows_loaded, COALESCE(SUM(s.rows_rejected), 0) AS rows_rejected,
                       COALESCE(SUM(s.rows_skipped), 0) AS rows_skipped
                FROM ingest_file f LEFT JOIN ingest_sheet s ON s.file_id = f.id
                WHERE f.status = 'loaded' AND f.loaded_at >= ? AND (? IS NULL OR f.loaded_at <= ?)
                GROUP BY f.district_code ORDER BY f.district_code""", execution.getStartTime(), execution.getEndTime(),
                execution.getEndTime());
    }

    public JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException none) {
            execution = null;
        }
        if (execution == null) {
            throw new UsageException("没有执行号为 " + executionId + " 的作业（jobs list 列出最近的执行）");
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
            throw new UsageException("执行号 " + executionId + " 已完成，无需重启");
        }
        if (execution.isRunning()) {
            String why = stillRunningElsewhere(executionId);
            if (why != null && !force) {
                throw new UsageException(why + "；若确认它已停止，加 --force 重启");
            }
            // Left STARTED by a crash: mark it failed so Spring Batch lets it be restarted.
            execution = jobOperator.recover(execution);
        } else if (execution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
            // A remote partition whose worker died: the manager gave up on it (its step failed on the
            // timeout) but the partition is still marked running; recovering marks it failed, so the
            // restart runs that partition again, and only it.
            execution = jobOperator.recover(execution);
        }
        String job = execution.getJobInstance().getJobName();
        if (job.equals("ingestJob") || job.equals("divisionLoadJob")) {
            // the same lock as the run it continues: never beside another ingest or divisions load
            try (RunLock.Held ignored = runLock.hold(RunLock.INGEST, "jobs restart " + executionId + "（" + job + "）")) {
                return JobOutcome.of(jobOperator.restart(execution));
            }
        }
        if (job.equals("indicatorsJob")) {
            try (RunLock.Held ignored = runLock.hold(RunLock.INDICATORS, "jobs restart " + executionId + "（" + job + "）")) {
                return JobOutcome.of(jobOperator.restart(execution));
            }
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

    /**
     * Asks a running execution to stop after its current chunk: its status becomes STOPPING in the
     * job repository, which every running step reads when it commits a chunk (in this process or
     * another), and it ends STOPPED with its position saved. Not {@code JobOperator.stop}: Spring
     * Batch 6's stops a step of this process through a step execution of its own, read back from
     * the repository, and writes that copy's execution context over the running step's, so the
     * reader's position was lost (saved as 0) and a restart read the whole file again.
     */
    public boolean stop(long executionId) {
        JobExecution execution = execution(executionId);
        if (!execution.isRunning()) {
            return false;
        }
        execution.setStatus(BatchStatus.STOPPING);
        jobRepository.update(execution);
        return true;
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
