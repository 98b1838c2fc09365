package cn.sanshe.pipeline.system;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends many rows to a table on the current transaction's connection with {@code LOAD DATA
 * LOCAL INFILE} from an in-memory stream: reconcile's lineage and provenance rows run into the
 * millions, and binding them as batched statement parameters costs the driver more than the
 * database takes to store them. A server that forbids it gets batched inserts, with a warning once.
 * Ingest's staging loader streams its own text through LOAD DATA and shares the fallback here.
 */
public final class BulkRows {

    private static final Logger log = LoggerFactory.getLogger(BulkRows.class);
    private static volatile boolean loadDataAllowed = true;

    private BulkRows() {
    }

    /**
     * @param table    a constant table name, never input
     * @param columns  the columns the rows' values fill, in order
     * @param constant SQL assignments for the remaining columns ({@code linked_at = CURRENT_TIMESTAMP(6)}), or empty
     */
    public static void append(JdbcTemplate jdbc, String table, List<String> columns, String constant,
            List<Object[]> rows) {
        long appended = write(jdbc, table, columns, constant, rows, false);
        if (appended != rows.size()) {
            throw new IllegalStateException("LOAD DATA into " + table + " loaded " + appended + " of " + rows.size()
                    + " rows");
        }
    }

    /**
     * As {@link #append}, but a row whose unique key the table already holds is passed over, as {@code
     * INSERT IGNORE} would; returns how many rows were appended, or -1 when the fallback cannot tell.
     */
    public static long appendAbsent(JdbcTemplate jdbc, String table, List<String> columns, String constant,
            List<Object[]> rows) {
        return write(jdbc, table, columns, constant, rows, true);
    }

    private static long write(JdbcTemplate jdbc, String table, List<String> columns, String constant,
            List<Object[]> rows, boolean ignore) {
        if (rows.isEmpty()) {
            return 0;
        }
        Long written = jdbc.execute((ConnectionCallback<Long>) connection -> {
            if (loadDataAllowed) {
                try {
                    return loadData(connection, table, columns, constant, rows, ignore);
                } catch (SQLException e) {
                    if (!isLoadDataRefused(e)) {
                        throw e;
                    }
                    loadDataAllowed = false;
                    log.warn("The server refuses LOAD DATA LOCAL INFILE ({}); bulk rows are written with batched "
                            + "inserts, which is slower. Set local_infile=1 on the server.", e.getMessage());
                }
            }
            insert(connection, table, columns, constant, rows, ignore);
            return ignore ? -1L : rows.size();
        });
        return written == null ? 0 : written;
    }

    private static long loadData(Connection connection, String table, List<String> columns, String constant,
            List<Object[]> rows, boolean ignore) throws SQLException {
        StringBuilder tsv = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    tsv.append('\t');
                }
                appendField(tsv, row[i]);
            }
            tsv.append('\n');
        }
        // IGNORE said out loud: with LOCAL the server passes duplicates over anyway, and append counts them.
        String sql = "LOAD DATA LOCAL INFILE 'rows.tsv' " + (ignore ? "IGNORE " : "") + "INTO TABLE " + table
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", columns) + ")" + (constant.isEmpty() ? "" : " SET " + constant);
        return loadLocal(connection, sql, new ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The packet {@link #loadLocal} sends the stream in. Connector/J allocates a new buffer of one
     * packet for every {@code LOAD DATA LOCAL} statement: {@code max_allowed_packet}, at most 1 MB.
     * With G1's regions of 1 or 2 MB (heaps up to 8 GB) a megabyte array is a humongous object,
     * allocated outside the young generation and zeroed whole, and a national month's ingest sends
     * some 15,000 such statements. 256 KB stays an ordinary young object; the server reads the same
     * bytes in a few more packets.
     */
    public static final int LOAD_PACKET_BYTES = 256 * 1024;

    /**
     * Runs {@code sql}, a {@code LOAD DATA LOCAL INFILE} statement, with {@code data} as its file, in
     * packets of at most {@link #LOAD_PACKET_BYTES}; returns the rows the server loaded. The
     * connection's own packet limit is put back afterwards, for the statements that follow on it.
     */
    public static long loadLocal(Connection connection, String sql, InputStream data) throws SQLException {
        RuntimeProperty<Integer> packet = connection.unwrap(JdbcConnection.class).getPropertySet()
                .getIntegerProperty(PropertyKey.maxAllowedPacket);
        int limit = packet.getValue();
        packet.setValue(Math.min(limit, LOAD_PACKET_BYTES));
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(data);
            return statement.executeLargeUpdate(sql);
        } finally {
            packet.setValue(limit);
        }
    }

    /** A value in LOAD DATA's text format: {@code \N} for null, 1/0 for booleans, plain decimals, escaped text. */
    public static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text;
        if (value instanceof Boolean flag) {
            text = flag ? "1" : "0";
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Double number) {
            text = BigDecimal.valueOf(number).toPlainString();   // never 1.0E-4
        } else {
            text = value.toString();
        }
        appendEscaped(out, text);
    }

    /** Text with LOAD DATA's escapes for its field and line separators, the escape and NUL. */
    public static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    /** Batched inserts of the rows: the fallback when the server refuses LOAD DATA LOCAL INFILE. */
    public static void insert(Connection connection, String table, List<String> columns, String constant,
            List<Object[]> rows) throws SQLException {
        insert(connection, table, columns, constant, rows, false);
    }

    private static void insert(Connection connection, String table, List<String> columns, String constant,
            List<Object[]> rows, boolean ignore) throws SQLException {
        String insert = ignore ? "INSERT IGNORE INTO " : "INSERT INTO ";
        String sql = insert + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        if (!constant.isEmpty()) {
            // LOAD DATA's SET clause as an insert's: the same assignments, applied to the row just inserted.
            sql = insert + table + " SET " + constant + ", "
                    + String.join(", ", columns.stream().map(column -> column + " = ?").toList());
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Whether the server (or the driver) refuses LOAD DATA LOCAL INFILE, rather than the data failing. */
    public static boolean isLoadDataRefused(SQLException e) {
        // 1148 / 3948: the used command is not allowed; 2068: client-side infile disabled.
        return e.getErrorCode() == 1148 || e.getErrorCode() == 3948 || e.getErrorCode() == 2068
                || String.valueOf(e.getMessage()).contains("LOCAL INFILE");
    }
}
