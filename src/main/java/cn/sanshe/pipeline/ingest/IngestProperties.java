package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.ingest.registry.RegistrySource;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What operators tune for ingest in {@code jobs/pipeline.yml}.
 *
 * @param registries districts whose D1 is read from their registration system over JDBC
 * @param aliases more header texts per template and column id, so a district's own wording is
 *                recognised without a code change, e.g. {@code S3: {id_number: [证件号码]}}
 */
@ConfigurationProperties("pipeline.ingest")
public record IngestProperties(Map<TemplateId, Map<String, List<String>>> aliases, List<RegistrySource> registries) {

    public IngestProperties {
        aliases = aliases == null ? Map.of() : aliases;
        registries = registries == null ? List.of() : registries;
    }
}
