package cn.sanshe.pipeline.partition;

import jakarta.jms.ConnectionFactory;
import java.lang.management.ManagementFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.SessionAwareMessageListener;
import org.springframework.messaging.MessageChannel;

/**
 * Remote partitioning ({@code pipeline.partitioning.mode=remote}) over JMS: the manager's
 * {@code partitionRequests} channel sends each request to the queue; a {@code worker} process
 * listens on it with a transacted session (a request is acknowledged only after its partition has
 * run, so a worker that dies gives it back to the broker) and runs the partition's step from the
 * job repository they share. An embedded Artemis broker starts here when asked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pipeline.partitioning.mode", havingValue = "remote")
class RemotePartitioningConfiguration {

    @Bean
    EmbeddedBrokerStarter partitionBroker(PartitioningProperties properties) throws Exception {
        EmbeddedBroker broker = properties.embeddedBroker() ? new EmbeddedBroker(properties.brokerUrl()) : null;
        if (broker != null) {
            broker.afterPropertiesSet();
        }
        return new EmbeddedBrokerStarter(broker);
    }

    /** Holds the embedded broker (or none) so it starts before, and stops after, the connection factory. */
    record EmbeddedBrokerStarter(EmbeddedBroker broker) implements org.springframework.beans.factory.DisposableBean {
        @Override
        public void destroy() throws Exception {
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    @Bean
    ConnectionFactory partitionConnectionFactory(PartitioningProperties properties, EmbeddedBrokerStarter broker) {
        return new ActiveMQConnectionFactory(properties.brokerUrl());
    }

    @Bean
    MessageChannel partitionRequests(ConnectionFactory partitionConnectionFactory, PartitioningProperties properties) {
        JmsTemplate jms = new JmsTemplate(partitionConnectionFactory);
        jms.setMessageConverter(new StepRequests());
        jms.setDefaultDestinationName(properties.queue());
        return (message, timeout) -> {
            jms.convertAndSend(message.getPayload());
            return true;
        };
    }

    /** The worker's listener; started by the {@code worker} command only, so a manager never takes partitions. */
    @Bean
    DefaultMessageListenerContainer partitionWorker(ConnectionFactory partitionConnectionFactory,
            PartitioningProperties properties, JobRepository jobRepository, JdbcTemplate jdbc, BeanFactory beanFactory) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler run = new StepExecutionRequestHandler();
        run.setJobRepository(jobRepository);
        run.setStepLocator(steps);
        PartitionRequestHandler handler = new PartitionRequestHandler(run, jobRepository, jdbc,
                ManagementFactory.getRuntimeMXBean().getName());
        StepRequests converter = new StepRequests();
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(partitionConnectionFactory);
        container.setDestinationName(properties.queue());
        container.setSessionTransacted(true);
        container.setConcurrentConsumers(properties.workerThreads());
        container.setMaxConcurrentConsumers(properties.workerThreads());
        // one request at a time per consumer: a prefetched request would wait behind a long partition
        container.setMaxMessagesPerTask(1);
        container.setAutoStartup(false);
        container.setMessageListener((SessionAwareMessageListener<jakarta.jms.Message>) (message, session) ->
                handler.handle((StepExecutionRequest) converter.fromMessage(message)));
        return container;
    }
}
