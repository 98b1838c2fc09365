package cn.sanshe.pipeline.ingest.registry;

/**
 * One district's registration system. Credentials come from the environment through
 * placeholders in {@code jobs/pipeline.yml} (e.g. {@code password: ${REGISTRY_130102_PASSWORD}}).
 *
 * @param district 6-digit district code the rows belong to
 * @param url      JDBC URL (any server MySQL Connector/J reaches)
 * @param query    a SELECT whose column labels are D1's headers or their aliases
 */
public record RegistrySource(String district, String url, String username, String password, String query) {
}
