package cn.sanshe.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default database is a real MariaDB reached through Connector/J, with the whole schema. */
@SpringBootTest
class EmbeddedDatabaseIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void isARealMariaDbReachedThroughConnectorJ() throws Exception {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDriverName()).contains("MySQL Connector/J");
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:mysql://127.0.0.1:");
        }
    }

    @Test
    void flywayAppliedEveryMigration() throws Exception {
        List<String> files;
        try (var listing = java.nio.file.Files.list(Path.of("sql/migration"))) {
            files = listing.map(file -> file.getFileName().toString())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        }
        assertThat(files).startsWith("1", "2", "3", "4", "5", "6", "7");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank",
                String.class)).isEqualTo(files);
        assertThat(tableCount("BATCH_JOB_EXECUTION")).isOne();
        assertThat(tableCount("QRTZ_TRIGGERS")).isOne();
        assertThat(tableCount("division")).isOne();
        assertThat(tableCount("stg_s3_worker")).isOne();
    }

    @Test
    void holdsTheFourTargetProfilesOfThePolicyDocuments() {
        assertThat(jdbc.queryForList("SELECT name FROM target_profile ORDER BY name", String.class))
                .containsExactly("changzhi-2020", "gansu-2015", "ningbo-2013", "shijiazhuang-2020");
        assertThat(jdbc.queryForObject("""
                SELECT value FROM profile_target
                WHERE profile = 'gansu-2015' AND target_key = 'FAC_COMMUNITY_MIN_AREA'""", Integer.class))
                .isEqualTo(300);
        assertThat(jdbc.queryForObject("""
                SELECT CONCAT(comparator, CAST(value AS SIGNED)) FROM profile_target
                WHERE profile = 'ningbo-2013' AND target_key = 'STF_HH_PER_WORKER'""", String.class))
                .isEqualTo("<=250");
    }

    @Test
    void runsWithTheSettingsABulkLoadNeeds() {
        // the redo log the properties ask for (1G by default), not the server's 96 MB
        assertThat(jdbc.queryForObject("SELECT @@innodb_log_file_size", Long.class)).isEqualTo(1L << 30);
        assertThat(jdbc.queryForObject("SELECT @@innodb_autoinc_lock_mode", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT @@innodb_flush_log_at_trx_commit", Integer.class)).isEqualTo(2);
        assertThat(new EmbeddedDatabaseProperties(null, null, 0, null, false, "64M").redoLog()).isEqualTo("1G");
        assertThatThrownBy(() -> new EmbeddedDatabaseProperties(null, null, 0, null, false, "64M", "a lot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline.embedded-db.redo-log must look like 1G: a lot");
    }

    /**
     * Spring reads a connection's read-only state, isolation and auto-commit at every transaction: the
     * driver answers from what it knows (useLocalSessionState), sending the server nothing.
     */
    @Test
    void answersSessionStateWithoutAskingTheServer() throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            long idle = questionsAfter(connection, () -> { });
            long asked = questionsAfter(connection, () -> {
                connection.isReadOnly();
                connection.getTransactionIsolation();
                connection.getAutoCommit();
            });
            assertThat(asked).isEqualTo(idle);
        }
    }

    private interface SqlAction {
        void run() throws java.sql.SQLException;
    }

    /** Statements the server received in this session across the action (its own status reads included). */
    private static long questionsAfter(java.sql.Connection connection, SqlAction action) throws java.sql.SQLException {
        long before = questions(connection);
        action.run();
        return questions(connection) - before;
    }

    private static long questions(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void keepsItsDataOutOfMariaDb4jsTempCleanUp() {
        String tmp = System.getProperty("java.io.tmpdir");
        assertThat(EmbeddedMariaDb.notUnderTempPrefix(Path.of(tmp, "clone", "data")).getPath())
                .doesNotStartWith(tmp)
                .isEqualTo("/." + Path.of(tmp, "clone", "data"));
        assertThat(EmbeddedMariaDb.notUnderTempPrefix(Path.of("/srv/sanshe/data")).getPath())
                .isEqualTo("/srv/sanshe/data");
    }

    private int tableCount(String table) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
                Integer.class, table);
    }
}
