package cn.sanshe.pipeline.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the host and process of every job execution as it starts (every job bean gets this
 * listener), so that {@link JobControl} can tell a crashed execution from a running one.
 */
class RunOwnerRecorder implements JobExecutionListener, BeanPostProcessor {

    // Resolved when a job starts: a BeanPostProcessor is created before ordinary beans exist.
    private final ObjectProvider<JdbcTemplate> jdbc;

    RunOwnerRecorder(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }

    /** The execution this thread last started: named when the database is lost before it can say so. */
    static final ThreadLocal<Long> STARTED_ON_THIS_THREAD = new ThreadLocal<>();

    @Override
    public void beforeJob(JobExecution jobExecution) {
        STARTED_ON_THIS_THREAD.set(jobExecution.getId());
        jdbc.getObject().update("""
                INSERT INTO job_run_owner (job_execution_id, host, pid, started_at)
                VALUES (?, ?, ?, CURRENT_TIMESTAMP(6))
                ON DUPLICATE KEY UPDATE host = ?, pid = ?, started_at = CURRENT_TIMESTAMP(6)""",
                jobExecution.getId(), thisHost(), ProcessHandle.current().pid(), thisHost(),
                ProcessHandle.current().pid());
    }
}
