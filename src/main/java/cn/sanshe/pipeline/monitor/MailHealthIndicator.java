package cn.sanshe.pipeline.monitor;

import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the dashboards can go out: with an SMTP host, the server answers (a connection test,
 * no mail sent); without one, the outbox the .eml files are written to exists and is writable.
 * Replaces Spring Boot's own mail indicator (management.health.mail.enabled=false), which only
 * exists when a host is set.
 */
@Component("mail")
class MailHealthIndicator extends AbstractHealthIndicator {

    private final Environment environment;
    private final ObjectProvider<JavaMailSenderImpl> sender;
    private final PipelineProperties paths;

    MailHealthIndicator(Environment environment, ObjectProvider<JavaMailSenderImpl> sender, PipelineProperties paths) {
        this.environment = environment;
        this.sender = sender;
        this.paths = paths;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String host = environment.getProperty("spring.mail.host", "");
        JavaMailSenderImpl smtp = sender.getIfAvailable();
        if (!host.isBlank() && smtp != null) {
            builder.withDetail("mode", "smtp").withDetail("host", host);
            smtp.testConnection();
            builder.up();
            return;
        }
        Path outbox = paths.outbox().toAbsolutePath().normalize();
        builder.withDetail("mode", "outbox").withDetail("path", outbox.toString());
        Path existing = outbox;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing) && Files.isWritable(existing)) {
            builder.up();
        } else {
            builder.down().withDetail("error", "不可写");
        }
    }
}
