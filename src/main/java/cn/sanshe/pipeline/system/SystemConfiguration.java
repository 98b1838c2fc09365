package cn.sanshe.pipeline.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PipelineProperties.class, EmbeddedDatabaseProperties.class})
class SystemConfiguration {
}
