package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.reports.PeriodFinality;
import cn.sanshe.pipeline.reports.ReportRenderer;
import cn.sanshe.pipeline.system.PipelineProperties;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** {@code reportDeliveryJob} and where its mails go. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    static final String JOB_NAME = "reportDeliveryJob";

    /** SMTP when Spring Boot configured a sender from spring.mail.host, else the outbox folder. */
    @Bean
    MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, PipelineProperties paths) {
        return sender.getIfAvailable() instanceof JavaMailSenderImpl smtp ? new SmtpGateway(smtp)
                : new OutboxGateway(paths.outbox());
    }

    @Bean
    static JobFailureMail jobFailureMail(ObjectProvider<MailGateway> gateway, ObjectProvider<DeliveryProperties> properties,
            ObjectProvider<PipelineProperties> paths) {
        return new JobFailureMail(gateway, properties, paths);
    }

    @Bean
    Job reportDeliveryJob(JobRepository jobRepository, Step renderAndDeliverStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(renderAndDeliverStep).build();
    }

    @Bean
    Step renderAndDeliverStep(JobRepository jobRepository, ObjectProvider<ReportRenderer> renderer, Deliverer deliverer,
            DeliveryLog deliveryLog, EditionLog editions, DeliveryProperties properties, PeriodFinality finality,
            @Value("${pipeline.delivery.parallel-editions:0}") int parallelEditions) {
        // No step transaction around the mails: every delivery-log transition must commit the moment
        // it happens, or a crash would roll back "sent" marks of mails the server already has.
        return new StepBuilder("renderAndDeliverStep", jobRepository)
                .tasklet(new ReportDelivery(renderer, deliverer, deliveryLog, editions, properties, finality,
                        parallelEditions),
                        new ResourcelessTransactionManager())
                .build();
    }
}
