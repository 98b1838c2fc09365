package cn.sanshe.pipeline.system;

/** Connector/J options the pipeline relies on, for the embedded server as for production. */
final class JdbcUrls {

    /**
     * Batched inserts rewritten to multi-row statements (the bulk of ingest time), LOAD DATA for
     * bulk loads, UTF-8 for Chinese text, and no TLS to a server on the loopback interface.
     */
    static final String OPTIONS = "?characterEncoding=UTF-8&rewriteBatchedStatements=true"
            + "&allowLoadLocalInfile=true&sslMode=DISABLED&allowPublicKeyRetrieval=true";

    private JdbcUrls() {
    }
}
