package cn.sanshe.pipeline.partition;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker's side of a partition request. The broker delivers a request again when the worker that
 * had it died before acknowledging it; running it then would run the partition a second time
 * beside the lost run. So the worker first claims the partition — {@code STARTING → STARTED} in
 * one conditional update of the shared job repository — and runs it only if the claim succeeds. A
 * partition whose worker died stays {@code STARTED} until operators recover the job execution;
 * restarting it then runs that partition again, and only it.
 */
final class PartitionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    private final StepExecutionRequestHandler delegate;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final String worker;

    PartitionRequestHandler(StepExecutionRequestHandler delegate, JobRepository jobRepository, JdbcTemplate jdbc,
            String worker) {
        this.delegate = delegate;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.worker = worker;
    }

    /** True when this worker ran the partition; false when the request was one already claimed. */
    boolean handle(StepExecutionRequest request) {
        int claimed = jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', LAST_UPDATED = ? "
                + "WHERE STEP_EXECUTION_ID = ? AND STATUS = 'STARTING'", LocalDateTime.now(), request.getStepExecutionId());
        if (claimed == 0) {
            log.warn("分区请求 {}（步骤执行 {}）已被领取或已结束，不再运行：重复投递的请求", request.getStepName(),
                    request.getStepExecutionId());
            return false;
        }
        String partition = jdbc.queryForObject("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
                String.class, request.getStepExecutionId());
        log.info("worker {} runs partition {} (step execution {})", worker, partition, request.getStepExecutionId());
        StepExecution execution = delegate.handle(request);
        if (!execution.getStatus().isRunning() && execution.getEndTime() == null) {
            // failed outside the step's own handling: the handler only marks it in memory
            execution.setEndTime(LocalDateTime.now());
            jobRepository.update(execution);
        }
        log.info("worker {} finished partition {} (step execution {}): {}", worker, partition,
                request.getStepExecutionId(), execution.getStatus());
        return true;
    }
}
