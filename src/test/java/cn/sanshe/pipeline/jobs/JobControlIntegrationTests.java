package cn.sanshe.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ResourceUtils;

/** An execution left STARTED by a crash is recognised and restarted without hand-written SQL. */
@SpringBootTest
class JobControlIntegrationTests {

    @Autowired
    JobControl jobs;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyReference() {
        jdbc.update("DELETE FROM division");
    }

    @Test
    void restartsAnExecutionWhoseProcessDied() throws Exception {
        JobExecution crashed = startedExecution();
        recordOwner(crashed, RunOwnerRecorder.thisHost(), deadPid());

        JobOutcome outcome = jobs.restart(crashed.getId(), false);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(jobs.execution(crashed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM division", Integer.class)).isEqualTo(6);
    }

    @Test
    void refusesToRestartAnExecutionThatMayStillRunUnlessForced() throws Exception {
        JobExecution running = startedExecution();
        recordOwner(running, "another-node", 4242);

        assertThatThrownBy(() -> jobs.restart(running.getId(), false))
                .hasMessageContaining("在主机 another-node 上运行").hasMessageContaining("--force");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM division", Integer.class)).isZero();

        assertThat(jobs.restart(running.getId(), true).succeeded()).isTrue();
    }

    @Test
    void refusesToRestartACompletedExecution() throws Exception {
        JobExecution crashed = startedExecution();
        recordOwner(crashed, RunOwnerRecorder.thisHost(), deadPid());
        JobOutcome restarted = jobs.restart(crashed.getId(), false);

        assertThatThrownBy(() -> jobs.restart(restarted.executionId(), false)).hasMessageContaining("已完成");
    }

    /** What a kill -9 leaves behind: an execution marked STARTED that no process runs. */
    private JobExecution startedExecution() throws Exception {
        String file = ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").getAbsolutePath();
        JobParameters parameters = new JobParametersBuilder().addString("file", file)
                .addString("sha256", "test").addLong("requestedAt", System.nanoTime()).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("divisionLoadJob", parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        jobRepository.update(execution);
        return execution;
    }

    private void recordOwner(JobExecution execution, String host, long pid) {
        jdbc.update("INSERT INTO job_run_owner (job_execution_id, host, pid, started_at) VALUES (?, ?, ?, NOW(6))",
                execution.getId(), host, pid);
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
