package cn.sanshe.pipeline.jobs;

import cn.sanshe.pipeline.console.Places;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.ListableStepLocator;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The runs as the operators' console shows them: executions filtered by job, status and date; one
 * execution with its steps and partitions, durations and counts, the failure in plain words with
 * the stack trace under it; and what a restart, stop or recover would do before it is done. The
 * actions themselves are {@link JobControl}'s, the same as {@code jobs restart|stop}.
 */
@Service
public class Runs {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);

    private final JobControl control;
    private final JdbcTemplate jdbc;
    private final Places places;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("console-run-");

    Runs(JobControl control, JdbcTemplate jdbc, Places places, List<Job> jobs) {
        this.control = control;
        this.jdbc = jdbc;
        this.places = places;
        jobs.forEach(job -> this.jobs.put(job.getName(), job));
    }

    public record Filter(String job, String status, LocalDate from, LocalDate to) {

        public static final Filter NONE = new Filter(null, null, null, null);

        public Filter {
            job = job == null || job.isBlank() ? null : job;
            status = status == null || status.isBlank() ? null : status;
        }
    }

    public record Run(long id, long instanceId, String job, String status, LocalDateTime start, LocalDateTime end,
            String exitCode) {

        public String duration() {
            return Runs.duration(start, end);
        }

        public boolean running() {
            return "STARTED".equals(status) || "STARTING".equals(status) || "STOPPING".equals(status);
        }
    }

    /** A step or one partition of a partitioned step. */
    public record StepRow(long id, String name, String partition, String status, long read, long written,
            long filtered, long skipped, long commits, long rollbacks, LocalDateTime start, LocalDateTime end,
            String exitDescription) {

        public String duration() {
            return Runs.duration(start, end);
        }

        public boolean partitioned() {
            return partition != null;
        }

        /** The district code of a district partition ({@code district-130102}), else null. */
        public String district() {
            return partition != null && partition.startsWith("district-") ? partition.substring(9) : null;
        }

        /** The division of a district or scope partition ({@code scope-130000000000}), else null. */
        public String place() {
            return JobText.partitionPlace(partition);
        }
    }

    /** Why a run failed: the reason in plain words, where, and the full trace for whoever needs it. */
    public record Failure(String step, String words, String trace) {
    }

    public record Detail(JobExecution execution, List<StepRow> steps, Failure failure, Map<String, Object> owner,
            List<Run> sameInstance, boolean running, boolean restartable, boolean recoverable, String stillRunning) {

        public String duration() {
            return Runs.duration(execution.getStartTime(), execution.getEndTime());
        }
    }

    /** What an action will do, said before it is done. */
    public record Preview(String action, long executionId, String job, List<String> again, List<String> notAgain,
            List<String> files, String warning, boolean allowed) {
    }

    public List<String> jobNames() {
        return jobs.keySet().stream().sorted().toList();
    }

    public List<Run> list(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE 1 = 1""");
        List<Object> args = new ArrayList<>();
        if (filter.job() != null) {
            sql.append(" AND i.JOB_NAME = ?");
            args.add(filter.job());
        }
        if (filter.status() != null) {
            sql.append(" AND e.STATUS = ?");
            args.add(filter.status());
        }
        if (filter.from() != null) {
            sql.append(" AND e.CREATE_TIME >= ?");
            args.add(filter.from().atStartOfDay());
        }
        if (filter.to() != null) {
            sql.append(" AND e.CREATE_TIME < ?");
            args.add(filter.to().plusDays(1).atStartOfDay());
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?");
        args.add(Math.max(1, Math.min(limit, 500)));
        return jdbc.query(sql.toString(), (rs, i) -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
                rs.getString(7)), args.toArray());
    }

    public Detail detail(long executionId) {
        JobExecution execution = control.execution(executionId);
        List<StepRow> steps = steps(execution.getStepExecutions());
        boolean running = execution.isRunning();
        String stillRunning = running ? control.stillRunningElsewhere(executionId) : null;
        boolean newest = sameInstance(execution.getJobInstanceId()).stream().allMatch(r -> r.id() <= executionId);
        boolean restartable = newest && !running && execution.getStatus() != BatchStatus.COMPLETED
                && execution.getStatus() != BatchStatus.ABANDONED;
        return new Detail(execution, steps, failure(execution, steps), control.owner(executionId),
                sameInstance(execution.getJobInstanceId()), running, restartable, running, stillRunning);
    }

    /** Only the steps table, for the page's live refresh. */
    public List<StepRow> steps(long executionId) {
        return steps(control.execution(executionId).getStepExecutions());
    }

    public List<Run> sameInstance(long instanceId) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE e.JOB_INSTANCE_ID = ? ORDER BY e.JOB_EXECUTION_ID""",
                (rs, i) -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class), rs.getString(7)),
                instanceId);
    }

    /**
     * What a restart runs again, in words: Spring Batch skips the steps that completed in this job
     * instance and, of a partitioned step, the partitions (districts, by name) that completed; the
     * rest run again from their last committed chunk, and steps never reached run for the first
     * time. Steps are named as the runs page names them ({@link JobText#stepName}). The files:
     * for ingest those still waiting in the districts that run again (or all, when no district
     * has started), for a job given a file ({@code divisions load}, {@code ingest-file}) that file.
     */
    public Preview previewRestart(long executionId) {
        Detail detail = detail(executionId);
        JobExecution execution = detail.execution();
        String job = execution.getJobInstance().getJobName();
        if (!detail.restartable()) {
            String why = execution.getStatus() == BatchStatus.COMPLETED ? "这次执行已完成，无需重启。"
                    : detail.running() ? "这次执行仍标记为运行中：先“停止”，或进程已不在时先“恢复”。"
                    : "这个实例已有更新的执行，请在最新的执行上重启。";
            return new Preview("restart", executionId, job, List.of(), List.of(), List.of(), why, false);
        }
        Map<String, StepRow> last = new LinkedHashMap<>();
        for (Run run : detail.sameInstance()) {
            for (StepRow step : steps(control.execution(run.id()).getStepExecutions())) {
                last.put(step.name() + (step.partitioned() ? ":" + step.partition() : ""), step);
            }
        }
        List<String> again = new ArrayList<>();
        List<String> notAgain = new ArrayList<>();
        List<String> districts = new ArrayList<>();
        for (StepRow step : last.values()) {
            String label = label(step);
            if ("COMPLETED".equals(step.status())) {
                notAgain.add(label + "（已完成，不再运行）");
            } else {
                again.add(label + "（上次" + words(step.status()) + "，已读 " + step.read() + " 条、已写 " + step.written()
                        + " 条，从最后一次提交处继续）");
                if (step.district() != null) {
                    districts.add(step.district());
                }
            }
        }
        Job definition = jobs.get(job);
        if (definition instanceof ListableStepLocator locator) {
            for (String name : locator.getStepNames()) {
                if (last.keySet().stream().noneMatch(key -> key.equals(name) || key.startsWith(name + ":"))) {
                    again.add(JobText.stepName(name) + "（尚未运行过，将首次运行）");
                }
            }
        }
        List<String> files = new ArrayList<>();
        String file = execution.getJobParameters().getString("file");
        if (file != null) {
            files.add(file);
        }
        if (job.equals("ingestJob")) {
            files.addAll(pendingFiles(districts));
        }
        return new Preview("restart", executionId, job, again, notAgain, files, null, true);
    }

    public Preview previewStop(long executionId) {
        Detail detail = detail(executionId);
        String job = detail.execution().getJobInstance().getJobName();
        if (!detail.running()) {
            return new Preview("stop", executionId, job, List.of(), List.of(), List.of(), "这次执行没有在运行，无需停止。", false);
        }
        List<String> running = detail.steps().stream().filter(s -> !"COMPLETED".equals(s.status())).map(this::label)
                .toList();
        return new Preview("stop", executionId, job, running, List.of(), List.of(),
                "正在运行的步骤会在当前数据块提交后停止；之后可以重启，从停止处继续。", true);
    }

    /**
     * Recover (Spring Batch 6's {@code JobOperator.recover}): an execution left STARTED by a process
     * that died is marked FAILED with its unfinished steps, so it can be restarted. Refused while
     * its process may still be running, unless the operator says it has stopped.
     */
    public Preview previewRecover(long executionId) {
        Detail detail = detail(executionId);
        String job = detail.execution().getJobInstance().getJobName();
        if (!detail.running()) {
            return new Preview("recover", executionId, job, List.of(), List.of(), List.of(),
                    "这次执行没有停在“运行中”，无需恢复。", false);
        }
        List<String> marked = detail.steps().stream().filter(s -> !"COMPLETED".equals(s.status()))
                .map(s -> label(s) + " 将标记为失败").toList();
        String warning = detail.stillRunning() == null
                ? "运行它的进程已不在；恢复只改记录，不运行任何步骤。恢复后可以重启。"
                : detail.stillRunning() + "。只有确认它已停止时才能恢复（勾选确认）。";
        return new Preview("recover", executionId, job, marked, List.of(), List.of(), warning, true);
    }

    /**
     * Starts the restart in the background (a run can take hours) and waits a moment for its new
     * execution to be recorded; returns its id, or the old id when it is not there yet.
     */
    public long restart(long executionId, boolean force) throws InterruptedException {
        Preview preview = previewRestart(executionId);
        Detail detail = detail(executionId);
        if (!preview.allowed() && !(detail.running() && force)) {
            throw new IllegalStateException(preview.warning());
        }
        long instance = detail.execution().getJobInstanceId();
        background.execute(() -> {
            try {
                JobOutcome outcome = control.restart(executionId, force);
                log.info("console restart of execution {}: {}", executionId, outcome.status());
            } catch (Exception e) {
                log.warn("console restart of execution {} failed: {}", executionId, e.getMessage());
            }
        });
        for (int i = 0; i < 50; i++) {
            long newest = sameInstance(instance).stream().mapToLong(Run::id).max().orElse(executionId);
            if (newest > executionId) {
                return newest;
            }
            Thread.sleep(100);
        }
        return executionId;
    }

    public boolean stop(long executionId) throws Exception {
        if (!control.execution(executionId).isRunning()) {
            throw new IllegalStateException("执行号 " + executionId + " 没有在运行，无需停止");
        }
        return control.stop(executionId);
    }

    public void recover(long executionId, boolean confirmedStopped) {
        Detail detail = detail(executionId);
        if (!detail.running()) {
            throw new IllegalStateException("执行号 " + executionId + " 没有停在“运行中”，无需恢复");
        }
        if (detail.stillRunning() != null && !confirmedStopped) {
            throw new IllegalStateException(detail.stillRunning() + "；确认它已停止后再恢复");
        }
        control.recover(executionId);
    }

    /** The files still waiting, each with the unit that sent it by name: {@code 长安区建北街道：2026-10/130102001/花名册.csv}. */
    private List<String> pendingFiles(Collection<String> districts) {
        String marks = String.join(",", districts.stream().map(d -> "?").toList());
        return jdbc.query("SELECT unit_code, path FROM ingest_file WHERE status = 'pending'"
                + (districts.isEmpty() ? "" : " AND district_code IN (" + marks + ")") + " ORDER BY path LIMIT 200",
                (rs, i) -> places.fullName(unit12(rs.getString(1))) + "：" + rs.getString(2), districts.toArray());
    }

    private static String unit12(String unit) {
        return (unit + "000000000000").substring(0, 12);
    }

    private static List<StepRow> steps(Collection<StepExecution> executions) {
        return executions.stream().sorted(Comparator.comparingLong(StepExecution::getId)).map(step -> {
            String name = step.getStepName();
            int colon = name.indexOf(':');
            return new StepRow(step.getId(), colon < 0 ? name : name.substring(0, colon),
                    colon < 0 ? null : name.substring(colon + 1), step.getStatus().name(), step.getReadCount(),
                    step.getWriteCount(), step.getFilterCount(), step.getSkipCount(), step.getCommitCount(),
                    step.getRollbackCount(), step.getStartTime(), step.getEndTime(),
                    step.getExitStatus().getExitDescription());
        }).toList();
    }

    Failure failure(JobExecution execution, List<StepRow> steps) {
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.isRunning()) {
            return null;
        }
        StepRow failed = steps.stream().filter(s -> "FAILED".equals(s.status()) && s.partitioned()).findFirst()
                .or(() -> steps.stream().filter(s -> "FAILED".equals(s.status())).findFirst()).orElse(null);
        String jobDescription = execution.getExitStatus().getExitDescription();
        String trace = failed != null && failed.exitDescription() != null && !failed.exitDescription().isBlank()
                ? failed.exitDescription() : jobDescription;
        String words = jobDescription != null && jobDescription.startsWith(RootCauseRecorder.MARK)
                ? FailureWords.of(jobDescription) : FailureWords.of(trace);
        if ((trace == null || trace.isBlank()) && !execution.getAllFailureExceptions().isEmpty()) {
            java.io.StringWriter text = new java.io.StringWriter();
            execution.getAllFailureExceptions().get(0).printStackTrace(new java.io.PrintWriter(text));
            trace = text.toString();
        }
        String where = failed == null ? null : label(failed);
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new Failure(where, "操作员请求停止，作业已在数据块提交后停止；重启将从停止处继续。", trace);
        }
        return new Failure(where, words, trace);
    }

    /** A step as people read it: {@code 区县入库 · 长安区} (the runs page's names; a district partition by its district's name). */
    String label(StepRow step) {
        String name = JobText.stepName(step.name());
        if (!step.partitioned()) {
            return name;
        }
        return name + " · " + (step.place() != null ? places.name(step.place()) : "分区 " + step.partition());
    }

    static String words(String status) {
        return switch (status) {
            case "COMPLETED" -> "完成";
            case "FAILED" -> "失败";
            case "STOPPED" -> "已停止";
            case "STARTED", "STARTING" -> "运行中";
            case "STOPPING" -> "正在停止";
            case "ABANDONED" -> "已放弃";
            default -> status;
        };
    }

    static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + " 秒";
        }
        if (seconds < 3600) {
            return seconds / 60 + " 分 " + seconds % 60 + " 秒";
        }
        return seconds / 3600 + " 时 " + seconds % 3600 / 60 + " 分";
    }
}
