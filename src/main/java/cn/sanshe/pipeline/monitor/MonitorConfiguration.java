package cn.sanshe.pipeline.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitorConfiguration {

    @Bean
    static JobMetrics jobMetrics(ObjectProvider<MeterRegistry> registry) {
        return new JobMetrics(registry);
    }
}
