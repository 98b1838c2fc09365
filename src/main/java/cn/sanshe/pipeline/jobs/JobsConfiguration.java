package cn.sanshe.pipeline.jobs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    static RunOwnerRecorder runOwnerRecorder(ObjectProvider<JdbcTemplate> jdbc) {
        return new RunOwnerRecorder(jdbc);
    }

    @Bean
    static RootCauseRecorder rootCauseRecorder() {
        return new RootCauseRecorder();
    }
}
