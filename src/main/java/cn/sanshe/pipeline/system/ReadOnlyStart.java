package cn.sanshe.pipeline.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a command that only reads skips at start ({@code --pipeline.read-only-start=true}, set by
 * those commands): Flyway's migrate, which validates every migration against the schema history,
 * when every migration the jar holds is already applied. Found behind (a new jar on an old
 * database), it migrates as any command does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
@ConditionalOnProperty(name = "pipeline.read-only-start", havingValue = "true")
class ReadOnlyStart {

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyStart.class);
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    @Bean
    FlywayMigrationStrategy migrateOnlyWhenBehind() {
        return flyway -> {
            Set<String> missing = missing(flyway);
            if (missing.isEmpty()) {
                log.debug("schema current: every migration applied; migrate skipped for a read-only command");
                return;
            }
            log.info("migrations not applied yet {}: migrating", missing);
            flyway.migrate();
        };
    }

    /** The versions the jar holds that the schema history does not list as applied (all of them when unsure). */
    static Set<String> missing(Flyway flyway) {
        Set<String> shipped = new HashSet<>();
        try {
            for (String location : java.util.Arrays.stream(flyway.getConfiguration().getLocations())
                    .map(l -> l.getPath()).toList()) {
                for (Resource resource : new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + location + "/V*__*.sql")) {
                    Matcher name = VERSIONED.matcher(String.valueOf(resource.getFilename()));
                    if (name.matches()) {
                        shipped.add(normal(name.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            return Set.of("?");
        }
        if (shipped.isEmpty()) {
            return Set.of("?");
        }
        String table = flyway.getConfiguration().getTable();
        if (!table.matches("\\w+")) {
            return Set.of("?");
        }
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM " + table
                        + " WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return Set.of("failed " + rows.getString(1));
                }
                shipped.remove(normal(rows.getString(1)));
            }
        } catch (SQLException noHistory) {
            return Set.of("?");
        }
        return shipped;
    }

    private static String normal(String version) {
        return version.replace('_', '.').replaceAll("(^|\\.)0+(\\d)", "$1$2");
    }
}
