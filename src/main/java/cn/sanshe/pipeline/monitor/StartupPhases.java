package cn.sanshe.pipeline.monitor;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Where a command's start goes, printed to stderr when the command ends, with
 * {@code --pipeline.startup-report=true}: from the JVM's start to the Spring context's, the
 * embedded database's start, the migrations, the scheduler, the rest of the context, and the
 * command's own work (which includes compiling report templates on first use). What the
 * command-start benchmark reads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pipeline.startup-report", havingValue = "true")
class StartupPhases {

    @Bean
    static Recorder startupRecorder() {
        return new Recorder();
    }

    static final class Recorder implements InstantiationAwareBeanPostProcessor, ApplicationListener<ApplicationEvent> {

        private static final Map<String, String> PHASES = Map.of("embeddedMariaDb", "database",
                "flywayInitializer", "migrations", "quartzScheduler", "scheduler");

        private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        private final long contextStart = System.currentTimeMillis();
        private final Map<String, long[]> intervals = new ConcurrentHashMap<>();
        private long ready;

        @Override
        public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
            if (PHASES.containsKey(beanName)) {
                intervals.putIfAbsent(PHASES.get(beanName), new long[] {System.currentTimeMillis(), 0});
            }
            return null;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            long[] interval = PHASES.containsKey(beanName) ? intervals.get(PHASES.get(beanName)) : null;
            if (interval != null && interval[1] == 0) {
                interval[1] = System.currentTimeMillis();
            }
            return bean;
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationReadyEvent) {
                ready = System.currentTimeMillis();
            } else if (event instanceof ContextClosedEvent && ready > 0) {
                long end = System.currentTimeMillis();
                long database = length("database", null);
                long migrations = length("migrations", "database");
                long scheduler = length("scheduler", null);
                long rest = ready - contextStart - database - migrations - scheduler;
                System.err.printf("startup-phases jvm_to_context=%d database=%d migrations=%d scheduler=%d "
                        + "other_context=%d command=%d total=%d%n", contextStart - jvmStart, database, migrations,
                        scheduler, rest, end - ready, end - jvmStart);
            }
        }

        /** A phase's length, less the part of it spent in another phase it contains. */
        private long length(String phase, String inner) {
            long[] interval = intervals.get(phase);
            if (interval == null || interval[1] == 0) {
                return 0;
            }
            long length = interval[1] - interval[0];
            long[] nested = inner == null ? null : intervals.get(inner);
            if (nested != null && nested[0] >= interval[0] && nested[1] <= interval[1]) {
                length -= nested[1] - nested[0];
            }
            return length;
        }
    }
}
