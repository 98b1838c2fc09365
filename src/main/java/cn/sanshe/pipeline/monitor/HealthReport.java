package cn.sanshe.pipeline.monitor;

import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Every health indicator of the application (database, scheduler, inbox, mail server when one is
 * configured) as lines for the terminal: what {@code serve} prints on start. With a web server on
 * the classpath the same indicators answer at /actuator/health.
 */
@Component
public class HealthReport {

    private final ApplicationContext context;

    HealthReport(ApplicationContext context) {
        this.context = context;
    }

    public Map<String, Health> check() {
        Map<String, Health> results = new java.util.TreeMap<>();
        context.getBeansOfType(HealthIndicator.class).forEach((name, indicator) ->
                results.put(name.replaceFirst("HealthIndicator$|HealthContributor$", ""), indicator.health()));
        return results;
    }

    public List<String> lines() {
        return check().entrySet().stream()
                .map(e -> "健康 " + e.getKey() + "：" + e.getValue().getStatus().getCode() + " " + e.getValue().getDetails())
                .toList();
    }
}
