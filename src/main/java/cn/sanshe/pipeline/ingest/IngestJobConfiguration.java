package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.ingest.inbox.Drop;
import cn.sanshe.pipeline.ingest.inbox.FileRegistry;
import cn.sanshe.pipeline.ingest.inbox.InboxScanTasklet;
import cn.sanshe.pipeline.ingest.registry.RegistryPullTasklet;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code ingestJob}: pull the district registries read over JDBC into the inbox
 * ({@code ingestRegistryStep}), register what arrived ({@code ingestScanStep}), then load pending
 * files by district ({@code ingestLoadStep}). Parameters: {@code inbox}; optionally {@code period} (only
 * that month's folder), or {@code file} + {@code unit} + {@code period} for one file by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestJobConfiguration {

    static final String JOB_NAME = "ingestJob";

    @Bean
    Job ingestJob(JobRepository jobRepository, Step ingestRegistryStep, Step ingestScanStep, Step ingestLoadStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestRegistryStep)
                .next(ingestScanStep)
                .next(ingestLoadStep)
                .build();
    }

    @Bean
    Step ingestRegistryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RegistryPullTasklet ingestRegistryTasklet) {
        return new StepBuilder("ingestRegistryStep", jobRepository)
                .tasklet(ingestRegistryTasklet, transactionManager)
                .build();
    }

    /** Registries are pulled by the nightly run over the inbox, not when one file is loaded by hand. */
    @Bean
    @StepScope
    RegistryPullTasklet ingestRegistryTasklet(IngestProperties properties, @Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['period']}") String period, @Value("#{jobParameters['file']}") String file) {
        YearMonth month = period == null ? YearMonth.now() : YearMonth.parse(period);
        return new RegistryPullTasklet(file == null ? properties.registries() : java.util.List.of(), Path.of(inbox),
                month);
    }

    @Bean
    Step ingestScanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InboxScanTasklet ingestScanTasklet) {
        return new StepBuilder("ingestScanStep", jobRepository)
                .tasklet(ingestScanTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    InboxScanTasklet ingestScanTasklet(FileRegistry registry, @Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['period']}") String period, @Value("#{jobParameters['file']}") String file,
            @Value("#{jobParameters['unit']}") String unit) {
        YearMonth month = period == null ? null : YearMonth.parse(period);
        Drop single = file == null ? null
                : new Drop(Path.of(file), Path.of(file).toAbsolutePath().normalize().toString(), month, unit, null);
        return new InboxScanTasklet(registry, Path.of(inbox), month, single);
    }

    @Bean
    TemplateCatalog templateCatalog(IngestProperties properties) {
        return TemplateCatalog.standard().withAliases(properties.aliases());
    }
}
