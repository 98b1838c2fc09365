package cn.sanshe.pipeline.monitor;

import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** The inbox streets and districts drop files into: there and readable, or the nightly run finds nothing. */
@Component("inbox")
class InboxHealthIndicator extends AbstractHealthIndicator {

    private final PipelineProperties paths;

    InboxHealthIndicator(PipelineProperties paths) {
        this.paths = paths;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Path inbox = paths.inbox().toAbsolutePath().normalize();
        builder.withDetail("path", inbox.toString());
        if (Files.isDirectory(inbox) && Files.isReadable(inbox)) {
            builder.up();
        } else {
            builder.down().withDetail("error", Files.exists(inbox) ? "不可读" : "不存在");
        }
    }
}
