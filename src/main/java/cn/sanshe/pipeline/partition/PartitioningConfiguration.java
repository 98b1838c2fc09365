package cn.sanshe.pipeline.partition;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** {@code pipeline.partitioning.*}: local (the default) or remote partitioning of the district steps. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartitioningProperties.class)
class PartitioningConfiguration {
}
