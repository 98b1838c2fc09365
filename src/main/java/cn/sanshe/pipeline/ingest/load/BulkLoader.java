package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.system.BulkRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends rows to a staging table inside the chunk's transaction. {@code LOAD DATA LOCAL INFILE}
 * from an in-memory tab-separated stream is the fastest way into MySQL and MariaDB (several times
 * batched inserts); a server that forbids it ({@code local_infile=OFF}, common on MySQL 8) gets
 * batched inserts instead, with a warning once.
 */
class BulkLoader {

    private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);

    private final JdbcTemplate jdbc;
    private volatile boolean loadDataAllowed = true;

    BulkLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StagingText text = new StagingText(rows.size() * 128);
        for (Object[] row : rows) {
            text.field(row[0]);
            for (int i = 1; i < row.length; i++) {
                text.next(row[i]);
            }
            text.endRow();
        }
        load(table, columns, text, () -> rows);
    }

    /**
     * Loads rows already written as LOAD DATA text; {@code values} gives the same rows as values
     * for the batched inserts of a server that refuses LOAD DATA, and is not called otherwise.
     */
    void load(String table, List<String> columns, StagingText text, Supplier<List<Object[]>> values) {
        if (text.rowCount() == 0) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (loadDataAllowed) {
                try {
                    loadData(connection, table, columns, text);
                    return null;
                } catch (SQLException e) {
                    if (!BulkRows.isLoadDataRefused(e)) {
                        throw e;
                    }
                    loadDataAllowed = false;
                    log.warn("The server refuses LOAD DATA LOCAL INFILE ({}); staging with batched inserts, which is "
                            + "slower. Set local_infile=1 on the server to load faster.", e.getMessage());
                }
            }
            BulkRows.insert(connection, table, columns, "", values.get());
            return null;
        });
    }

    private static void loadData(Connection connection, String table, List<String> columns, StagingText text)
            throws SQLException {
        // Table and column names are the constants of StagingTable; the values travel in the stream.
        String sql = "LOAD DATA LOCAL INFILE 'staging.tsv' INTO TABLE " + table
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", columns) + ")";
        long loaded = BulkRows.loadLocal(connection, sql, text.stream());
        if (loaded != text.rowCount()) {
            throw new SQLException("LOAD DATA into " + table + " loaded " + loaded + " of " + text.rowCount()
                    + " rows");
        }
    }
}
