package cn.sanshe.pipeline.reconcile.link;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.RowMapper;

/** A district's unlinked rows, streamed. */
final class Cursors {

    private Cursors() {
    }

    /** {@code sql} takes the district code twice (its two halves, one per source table). */
    static <T> JdbcCursorItemReader<T> unlinked(String name, DataSource dataSource, String sql, String districtCode,
            RowMapper<T> mapper) {
        return new JdbcCursorItemReaderBuilder<T>()
                .name(name)
                .dataSource(dataSource)
                // Linked rows drop out of the query: restart state is the data itself.
                .saveState(false)
                // Streamed row by row (Connector/J needs this fetch size), so its position cannot be checked.
                .fetchSize(Integer.MIN_VALUE)
                .verifyCursorPosition(false)
                .sql(sql)
                .preparedStatementSetter(statement -> {
                    statement.setString(1, districtCode);
                    statement.setString(2, districtCode);
                })
                .rowMapper(mapper)
                .build();
    }
}
