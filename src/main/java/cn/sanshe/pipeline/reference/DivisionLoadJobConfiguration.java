package cn.sanshe.pipeline.reference;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.system.ProgressListener;
import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code divisionLoadJob}: stage every line (checking each alone), check the file as a whole,
 * then merge it into the reference in one transaction. Parameters: {@code file} (absolute path)
 * and {@code sha256} of its bytes.
 */
@Configuration(proxyBeanMethods = false)
class DivisionLoadJobConfiguration {

    static final String JOB_NAME = "divisionLoadJob";

    @Bean
    Job divisionLoadJob(JobRepository jobRepository, Step divisionStageStep, Step divisionCheckStep,
            Step divisionMergeStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(divisionStageStep)
                .next(divisionCheckStep)
                .next(divisionMergeStep)
                .build();
    }

    @Bean
    Step divisionStageStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DivisionCsvReader divisionCsvReader, JdbcTemplate jdbc, Places places) {
        return new StepBuilder("divisionStageStep", jobRepository)
                .<DivisionRow, DivisionRow>chunk(1000)
                .transactionManager(transactionManager)
                .reader(divisionCsvReader)
                .processor(new DivisionRowChecks())
                .writer(new DivisionStageWriter(jdbc))
                .listener(new ProgressListener("区划表", places::name))
                .build();
    }

    @Bean
    @StepScope
    DivisionCsvReader divisionCsvReader(@Value("#{jobParameters['file']}") String file) {
        return new DivisionCsvReader(Path.of(file));
    }

    @Bean
    Step divisionCheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc) {
        return new StepBuilder("divisionCheckStep", jobRepository)
                .tasklet(new DivisionCheckTasklet(jdbc, transactionManager), transactionManager)
                .build();
    }

    @Bean
    Step divisionMergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc) {
        return new StepBuilder("divisionMergeStep", jobRepository)
                .tasklet(new DivisionMergeTasklet(jdbc), transactionManager)
                .build();
    }
}
