package cn.sanshe.pipeline.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: when no {@code spring.datasource.url} is configured, start (or join) the
 * embedded MariaDB and reach it through MySQL Connector/J, exactly as production is reached.
 * With a URL configured this whole configuration stays out and Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /** Released when the context closes, after the pool: the last process to leave stops the server. */
    @Bean(destroyMethod = "release")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        return EmbeddedMariaDb.obtain(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb mariaDb) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(mariaDb.jdbcUrl());
        dataSource.setUsername(mariaDb.username());
        dataSource.setPassword(mariaDb.password());
        dataSource.setPoolName("embedded-mariadb");
        dataSource.setMaximumPoolSize(8);
        // A lost server fails the step in seconds, not after minutes of waiting for a connection.
        dataSource.setConnectionTimeout(5_000);
        return dataSource;
    }
}
