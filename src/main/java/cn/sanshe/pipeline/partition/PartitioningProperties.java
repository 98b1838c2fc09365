package cn.sanshe.pipeline.partition;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the partitions of ingest and reconcile (one per district) run.
 *
 * @param mode           {@code local} (the default): a thread pool in this process, sized from the machine;
 *                       {@code remote}: requests on a JMS queue, run by {@code worker} processes on any machine
 *                       that reaches the same database and broker
 * @param brokerUrl      the JMS broker (Apache ActiveMQ Artemis core URL), e.g. {@code tcp://broker.example:61616}
 * @param embeddedBroker start an Artemis broker inside this process at {@code brokerUrl} (tests, the demo, a
 *                       manager node that is also the broker)
 * @param queue          the queue the partition requests go to
 * @param pollInterval   how often the manager reads the partitions' status from the job repository
 * @param timeout        how long the manager waits for all partitions before its step fails (a worker that died
 *                       leaves its partition running for ever: operators then recover and restart the job)
 * @param workerThreads  partitions one worker process runs at once (0: one per processor)
 */
@ConfigurationProperties("pipeline.partitioning")
public record PartitioningProperties(String mode, String brokerUrl, Boolean embeddedBroker, String queue,
        Duration pollInterval, Duration timeout, Integer workerThreads) {

    public PartitioningProperties {
        mode = mode == null || mode.isBlank() ? "local" : mode.trim();
        if (!mode.equals("local") && !mode.equals("remote")) {
            throw new IllegalArgumentException("pipeline.partitioning.mode 应为 local 或 remote：" + mode);
        }
        brokerUrl = brokerUrl == null || brokerUrl.isBlank() ? "tcp://127.0.0.1:61616" : brokerUrl.trim();
        embeddedBroker = embeddedBroker != null && embeddedBroker;
        queue = queue == null || queue.isBlank() ? "sanshe.partitions" : queue.trim();
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        timeout = timeout == null ? Duration.ofHours(6) : timeout;
        workerThreads = Parallelism.of(workerThreads);
    }

    public boolean remote() {
        return mode.equals("remote");
    }
}
