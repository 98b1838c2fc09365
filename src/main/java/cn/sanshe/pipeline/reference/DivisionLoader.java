package cn.sanshe.pipeline.reference;

import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import cn.sanshe.pipeline.system.RunLock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Loads a division reference CSV through {@code divisionLoadJob} and reports line by line. */
@Service
public class DivisionLoader {

    private final JobControl jobs;
    private final Job divisionLoadJob;
    private final JdbcTemplate jdbc;
    private final RunLock runLock;

    DivisionLoader(JobControl jobs, Job divisionLoadJob, JdbcTemplate jdbc, RunLock runLock) {
        this.jobs = jobs;
        this.divisionLoadJob = divisionLoadJob;
        this.jdbc = jdbc;
        this.runLock = runLock;
    }

    /** The outcome, the number of divisions now in the reference, and the file's problems. */
    public record Result(JobOutcome outcome, int divisionsInReference, List<String> problems) {
    }

    public Result load(Path file) throws Exception {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("找不到区划文件：" + absolute);
        }
        // Every load is its own job instance: loading a file again re-applies it (an upsert), which
        // is what an operator means after the reference was changed by another file.
        // Never beside an ingest: it would check rows against a reference half-way through its load.
        JobOutcome outcome;
        try (RunLock.Held ignored = runLock.hold(RunLock.INGEST, "divisions load " + absolute)) {
            outcome = jobs.run(divisionLoadJob, new JobParametersBuilder()
                    .addString("file", absolute.toString())
                    .addString("sha256", sha256(absolute))
                    .addLong("requestedAt", System.currentTimeMillis())
                    .toJobParameters());
        }
        long loadId = jobs.execution(outcome.executionId()).getJobInstanceId();
        List<String> problems = jdbc.query("""
                SELECT line_no, problem FROM division_load_problem WHERE load_id = ? ORDER BY line_no LIMIT 200""",
                (rs, i) -> "第" + rs.getInt(1) + "行：" + rs.getString(2), loadId);
        return new Result(outcome, count(), problems);
    }

    public int count() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM division", Integer.class);
        return count == null ? 0 : count;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        }
    }
}
