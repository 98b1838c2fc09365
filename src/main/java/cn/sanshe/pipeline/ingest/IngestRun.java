package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.system.PipelineProperties;
import cn.sanshe.pipeline.system.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Starts {@code ingestJob} for the inbox or one file and sums up what it did. */
@Service
public class IngestRun {

    private final JobControl jobs;
    private final Job ingestJob;
    private final JdbcTemplate jdbc;
    private final PipelineProperties paths;
    private final RunLock runLock;

    IngestRun(JobControl jobs, Job ingestJob, JdbcTemplate jdbc, PipelineProperties paths, RunLock runLock) {
        this.jobs = jobs;
        this.ingestJob = ingestJob;
        this.jdbc = jdbc;
        this.paths = paths;
        this.runLock = runLock;
    }

    /**
     * An ingest against an empty division reference would reject every row for a unit or community
     * it does not know (as when it ran beside the first {@code divisions load}): refused instead.
     */
    private void requireDivisions() {
        Integer divisions = jdbc.queryForObject("SELECT COUNT(*) FROM division", Integer.class);
        if (divisions == null || divisions == 0) {
            throw new RunLock.RefusedException("区划表为空，入库未执行：请先用 divisions load 加载区划参照表，再入库");
        }
    }

    /** The outcome and, per file status, the files and rows this run dealt with. */
    public record Result(JobOutcome outcome, List<String> summary) {
    }

    public Result inbox(Path inbox, YearMonth period) throws Exception {
        Path dir = (inbox == null ? paths.inbox() : inbox).toAbsolutePath().normalize();
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("inbox", dir.toString())
                .addLong("requestedAt", System.currentTimeMillis());
        if (period != null) {
            parameters.addString("period", period.toString());
        }
        requireDivisions();
        try (RunLock.Held ignored = runLock.hold(RunLock.INGEST,
                "ingest --inbox " + dir + (period == null ? "" : " --period " + period))) {
            requireDivisions();
            return summarise(jobs.run(ingestJob, parameters.toJobParameters()));
        }
    }

    public Result file(Path file, YearMonth period, String unit) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("找不到文件：" + file);
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class,
                unit.length() == 9 ? unit + "000" : unit + "000000");
        if (!unit.matches("\\d{6}|\\d{9}") || known == null || known == 0) {
            throw new IllegalArgumentException("报送单位 " + unit + " 不在区划表中（街道9位、区县6位）");
        }
        try (RunLock.Held ignored = runLock.hold(RunLock.INGEST, "ingest-file " + file.toAbsolutePath().normalize()
                + " --period " + period + " --unit " + unit)) {
            return summarise(jobs.run(ingestJob, new JobParametersBuilder()
                    .addString("inbox", paths.inbox().toAbsolutePath().normalize().toString())
                    .addString("file", file.toAbsolutePath().normalize().toString())
                    .addString("unit", unit)
                    .addString("period", period.toString())
                    .addLong("requestedAt", System.currentTimeMillis())
                    .toJobParameters()));
        }
    }

    private Result summarise(JobOutcome outcome) {
        var execution = jobs.execution(outcome.executionId());
        List<String> lines = new java.util.ArrayList<>();
        execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("ingestRegistryStep"))
                .filter(step -> !step.getExitStatus().getExitCode().equals("COMPLETED"))
                .forEach(step -> lines.add("注意：" + step.getExitStatus().getExitDescription()));
        execution.getStepExecutions().stream().filter(step -> step.getStepName().equals("ingestScanStep"))
                .findFirst().ifPresent(scan -> lines.add("收到文件：" + scan.getExecutionContext().toMap().entrySet()
                        .stream().filter(e -> e.getKey().startsWith("files."))
                        .map(e -> label(e.getKey()) + " " + e.getValue()).toList()));
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT f.status, COUNT(DISTINCT f.id) AS files, COALESCE(SUM(s.rows_read), 0) AS r,
                       COALESCE(SUM(s.rows_loaded), 0) AS l, COALESCE(SUM(s.rows_rejected), 0) AS j,
                       COALESCE(SUM(s.rows_skipped), 0) AS k
                FROM ingest_file f LEFT JOIN ingest_sheet s ON s.file_id = f.id
                WHERE f.loaded_at >= ? GROUP BY f.status ORDER BY f.status""", execution.getStartTime())) {
            lines.add(String.format("%s：%s 个文件，读取 %s 行 = 入库 %s + 退回 %s + 跳过 %s", status(row.get("status")),
                    row.get("files"), row.get("r"), row.get("l"), row.get("j"), row.get("k")));
        }
        jdbc.queryForList("""
                SELECT path, reason FROM ingest_file WHERE status = 'refused' AND loaded_at >= ? ORDER BY path""",
                execution.getStartTime()).forEach(row -> lines.add("  拒收 " + row.get("path") + "：" + row.get("reason")));
        jdbc.queryForList("SELECT path, reason FROM ingest_refused_drop WHERE seen_at >= ? ORDER BY path",
                execution.getStartTime()).forEach(row -> lines.add("  未读取 " + row.get("path") + "：" + row.get("reason")));
        return new Result(outcome, lines);
    }

    private static String label(String key) {
        return switch (key) {
            case "files.new" -> "新文件";
            case "files.already_seen" -> "已处理过";
            case "files.copy_of_earlier" -> "重复文件（内容与已收文件相同）";
            case "files.misplaced" -> "放错位置";
            case "files.not_read" -> "未读取（隐藏文件、链接、区划表中没有的单位或无法读取的文件）";
            default -> key;
        };
    }

    private static String status(Object status) {
        return switch (String.valueOf(status)) {
            case "loaded" -> "已入库";
            case "refused" -> "整体拒收";
            default -> "待处理";
        };
    }
}
