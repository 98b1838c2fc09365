package cn.sanshe.pipeline.partition;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * The partition handler of a step partitioned by district: by default a local thread pool of
 * {@code parallel} threads; with {@code pipeline.partitioning.mode=remote}, Spring Batch
 * Integration's {@link MessageChannelPartitionHandler}, which sends one request per partition to
 * the broker's queue and polls the shared job repository until every partition has finished (or
 * the timeout has passed). The partitions, their names and their restart state are the same
 * either way: a job started remotely can be restarted locally and the other way round.
 */
@Component
public class DistrictPartitions {

    private final PartitioningProperties properties;
    private final JobRepository jobRepository;
    private final ObjectProvider<MessageChannel> partitionRequests;

    DistrictPartitions(PartitioningProperties properties, JobRepository jobRepository,
            ObjectProvider<MessageChannel> partitionRequests) {
        this.properties = properties;
        this.jobRepository = jobRepository;
        this.partitionRequests = partitionRequests;
    }

    /** {@code threadName}: the prefix of the local pool's threads ({@code ingest-}, {@code reconcile-}). */
    public PartitionHandler handler(Step worker, int parallel, String threadName) {
        return handler(worker, parallel, threadName, null);
    }

    /**
     * As {@link #handler(Step, int, String)}, the partitions started (locally) or sent (remotely) in
     * {@code order} — the largest first, so no big one is left for the end — instead of Spring
     * Batch's hash order; null keeps that.
     */
    public PartitionHandler handler(Step worker, int parallel, String threadName, Comparator<StepExecution> order) {
        if (properties.remote()) {
            MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler() {
                @Override
                protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions)
                        throws Exception {
                    return super.doHandle(manager, ordered(partitions, order));
                }
            };
            handler.setStepName(worker.getName());
            handler.setGridSize(parallel);
            handler.setJobRepository(jobRepository);    // results by polling the shared repository
            handler.setPollInterval(properties.pollInterval().toMillis());
            handler.setTimeout(properties.timeout().toMillis());
            handler.setMessagingOperations(new MessagingTemplate(partitionRequests.getObject()));
            try {
                handler.afterPropertiesSet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return handler;
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadName);
        executor.setConcurrencyLimit(parallel);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler() {
            @Override
            protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions)
                    throws Exception {
                // the pool's concurrency limit makes submission wait: partitions start in this order
                return super.doHandle(manager, ordered(partitions, order));
            }
        };
        handler.setStep(worker);
        handler.setGridSize(parallel);
        handler.setTaskExecutor(executor);
        return handler;
    }

    private static Set<StepExecution> ordered(Set<StepExecution> partitions, Comparator<StepExecution> order) {
        if (order == null) {
            return partitions;
        }
        Set<StepExecution> sorted = new LinkedHashSet<>();
        partitions.stream().sorted(order).forEach(sorted::add);
        return sorted;
    }
}
