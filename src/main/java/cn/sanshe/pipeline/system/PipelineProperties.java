package cn.sanshe.pipeline.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the pipeline's files live; operators set these in {@code jobs/pipeline.yml}.
 *
 * @param inbox   where streets and districts drop files: {@code <inbox>/<yyyy-MM>/<unit code>/<file>}
 * @param outbox  where mails are written as .eml when no SMTP host is configured
 * @param reports where rendered dashboards and their kpis.json / kpis.csv go
 */
@ConfigurationProperties("pipeline")
public record PipelineProperties(Path inbox, Path outbox, Path reports) {

    public PipelineProperties {
        inbox = inbox == null ? Path.of("inbox") : inbox;
        outbox = outbox == null ? Path.of("outbox") : outbox;
        reports = reports == null ? Path.of("reports") : reports;
    }
}
