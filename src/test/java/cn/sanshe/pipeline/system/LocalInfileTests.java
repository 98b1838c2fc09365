package cn.sanshe.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link BulkRows#loadLocal}: every row of a stream many packets long arrives, the driver sends it
 * in packets of at most {@link BulkRows#LOAD_PACKET_BYTES} (seen from inside the stream, while the
 * driver reads it), and the connection's own limit is back afterwards, also when the load fails.
 */
@SpringBootTest
class LocalInfileTests {

    private static final String SQL = "LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE local_infile_probe "
            + "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (n, name)";

    @Autowired
    DataSource dataSource;

    @Test
    void loadsAStreamOfManyPacketsInSmallPacketsAndPutsTheLimitBack() throws Exception {
        int rows = 40_000;
        StringBuilder text = new StringBuilder();
        long sum = 0;
        for (int n = 1; n <= rows; n++) {
            text.append(n).append('\t').append("社会工作者").append(n).append("号，长安区建设北大街社区居民委员会\n");
            sum += n;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(8 * BulkRows.LOAD_PACKET_BYTES);
        try (Connection connection = dataSource.getConnection()) {
            createProbe(connection);
            RuntimeProperty<Integer> packet = packetLimit(connection);
            int before = packet.getValue();
            assertThat(before).isGreaterThan(BulkRows.LOAD_PACKET_BYTES);
            AtomicInteger highestWhileSending = new AtomicInteger();
            InputStream watched = new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                    highestWhileSending.accumulateAndGet(packet.getValue(), Math::max);
                    return super.read(buffer, offset, length);
                }
            };

            assertThat(BulkRows.loadLocal(connection, SQL, watched)).isEqualTo(rows);

            assertThat(highestWhileSending.get()).isPositive().isLessThanOrEqualTo(BulkRows.LOAD_PACKET_BYTES);
            assertThat(packet.getValue()).isEqualTo(before);
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT COUNT(*), SUM(n), MAX(CASE WHEN n = 31415 THEN name END) FROM local_infile_probe")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rows);
                assertThat(rs.getLong(2)).isEqualTo(sum);
                assertThat(rs.getString(3)).isEqualTo("社会工作者31415号，长安区建设北大街社区居民委员会");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TEMPORARY TABLE local_infile_probe");
            }
        }
    }

    @Test
    void putsTheLimitBackWhenTheLoadFails() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            RuntimeProperty<Integer> packet = packetLimit(connection);
            int before = packet.getValue();
            assertThatThrownBy(() -> BulkRows.loadLocal(connection,
                    SQL.replace("local_infile_probe", "no_such_table_here"),
                    new ByteArrayInputStream("1\ta\n".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(SQLException.class);
            assertThat(packet.getValue()).isEqualTo(before);
        }
    }

    /** A table of this connection only; pooled connections live on, so it is made afresh. */
    private static void createProbe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TEMPORARY TABLE IF EXISTS local_infile_probe");
            statement.execute("CREATE TEMPORARY TABLE local_infile_probe (n INT NOT NULL PRIMARY KEY, "
                    + "name VARCHAR(100) NOT NULL) CHARACTER SET utf8mb4");
        }
    }

    private static RuntimeProperty<Integer> packetLimit(Connection connection) throws SQLException {
        return connection.unwrap(JdbcConnection.class).getPropertySet().getIntegerProperty(PropertyKey.maxAllowedPacket);
    }
}
