package cn.sanshe.pipeline.system;

/** Connector/J options the pipeline relies on, for the embedded server as for production. */
final class JdbcUrls {

    /**
     * Batched inserts rewritten to multi-row statements (the bulk of ingest time), LOAD DATA for
     * bulk loads, UTF-8 for Chinese text, and no TLS to a server on the loopback interface. The
     * statements' parse kept per connection ({@code cachePrepStmts}): without it Connector/J parses
     * the SQL of every statement it prepares again (a tenth of the samples of ingest's district
     * threads, in a profile at national scale 0.25). Session state (auto-commit, isolation, read-only)
     * kept by the driver ({@code useLocalSessionState}) instead of asked of the server: Spring asks
     * at every transaction, which at national scale is a statement per chunk for nothing.
     */
    static final String OPTIONS = "?characterEncoding=UTF-8&rewriteBatchedStatements=true"
            + "&allowLoadLocalInfile=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
            + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&useLocalSessionState=true";

    private JdbcUrls() {
    }
}
