package cn.sanshe.pipeline.delivery;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code streetReminderJob}: reminders to streets that have not sent a month's templates. */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean(Reminders.JOB_NAME)
    Job streetReminderJob(JobRepository jobRepository, Step remindStreetsStep) {
        return new JobBuilder(Reminders.JOB_NAME, jobRepository).start(remindStreetsStep).build();
    }

    @Bean
    Step remindStreetsStep(JobRepository jobRepository, ReminderPlanner planner, Deliverer deliverer,
            MailGateway gateway, DeliveryProperties delivery, JdbcTemplate jdbc) {
        // As for dashboards: every delivery-log transition commits the moment it happens.
        return new StepBuilder("remindStreetsStep", jobRepository)
                .tasklet(new ReminderDelivery(planner, deliverer, gateway, delivery, jdbc),
                        new ResourcelessTransactionManager())
                .build();
    }
}
