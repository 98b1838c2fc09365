package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.system.BulkRows;
import cn.sanshe.pipeline.system.IdentityVault;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToLongFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's ceiling, two ways. The one ingest is measured against ({@link #dump},
 * {@link #loadDumped}): every row ingest staged, loaded again after it into empty copies of the
 * staging tables — the same rows, table mix and growth, with none of the reading, checking and
 * bookkeeping. The probe (below, kept for comparison with earlier runs): the roster's rows, already prepared as the staging rows the ingest job
 * writes (identity numbers as keyed hash, ciphertext and mask; vocabulary values canonical), loaded
 * into the real {@code stg_s3_worker} with its indexes by {@code LOAD DATA LOCAL INFILE}, one chunk
 * of the job's size per statement and per transaction, each from an in-memory stream — exactly the
 * statement {@code BulkLoader} sends, with nothing else around it.
 *
 * <p>Preparing the rows (protecting 1,000,000 identity numbers, formatting the tab-separated text)
 * is done beforehand into a file and timed separately; the timed loop only reads each chunk's bytes
 * from that (cached) file and sends them, so it measures the load itself, back to back.
 */
final class LoadDataCeiling {

    static final String TABLE = "stg_s3_worker";
    /** StagingTable's columns for S3, in its order: common ones, data, the identity number as three. */
    static final List<String> COLUMNS = List.of("sheet_id", "row_no", "period", "unit_code", "district_code", "name",
            "id_hash", "id_cipher", "id_masked", "gender", "birth_date", "education", "political_status", "post",
            "is_committee", "is_sw_post", "cert_level", "cert_no", "community_code", "hired_on", "phone");
    static final String SQL = loadSql(TABLE, COLUMNS);
    private static final long SHEET_ID = 1;
    /** A sheet id no ingest gives out: rows loaded under it into a table holding real rows can be deleted again. */
    static final long PROBE_SHEET = 999_999_999L;

    private static final Map<String, String> CANONICAL = Map.ofEntries(Map.entry("大学本科", "本科"),
            Map.entry("大学专科", "大专"), Map.entry("党员", "中共党员"), Map.entry("初级", "助理社会工作师"),
            Map.entry("中级", "社会工作师"));

    /** The prepared rows: the file, where each chunk starts, and what preparing them cost. */
    record Prepared(Path file, int rows, int chunkSize, long[] offsets, double protectSeconds, double formatSeconds) {

        int chunks() {
            return offsets.length - 1;
        }

        int rowsIn(int chunk) {
            return Math.min(chunkSize, rows - chunk * chunkSize);
        }
    }

    /** A timed load: rows, seconds. */
    record Timing(long rows, double seconds) {
    }

    private LoadDataCeiling() {
    }

    static Prepared prepare(Path file, int rows, int chunkSize, IdentityVault vault) throws IOException {
        return prepare(file, rows, chunkSize, vault, SHEET_ID);
    }

    static Prepared prepare(Path file, int rows, int chunkSize, IdentityVault vault, long sheetId) throws IOException {
        Files.createDirectories(file.getParent());
        int chunks = (rows + chunkSize - 1) / chunkSize;
        long[] offsets = new long[chunks + 1];
        long protectNanos = 0;
        long formatNanos = 0;
        long written = 0;
        StringBuilder line = new StringBuilder(512);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < rows; i++) {
                if (i % chunkSize == 0) {
                    offsets[i / chunkSize] = written;
                }
                Roster.Worker w = Roster.worker(i);
                long t0 = System.nanoTime();
                IdentityVault.ProtectedId id = vault.protect(w.idNumber());
                long t1 = System.nanoTime();
                Object[] values = {sheetId, i + 3, Roster.PERIOD, Roster.STREET, Roster.STREET.substring(0, 6),
                    w.name(), id.hash(), id.cipher(), id.masked(), w.gender(), w.birth(), canonical(w.education()),
                    canonical(w.political()), w.post(), "是".equals(w.committee()), "是".equals(w.swPost()),
                    canonical(w.certLevel()), null, w.community(), null, w.phone()};
                line.setLength(0);
                for (int c = 0; c < values.length; c++) {
                    if (c > 0) {
                        line.append('\t');
                    }
                    BulkRows.appendField(line, values[c]);
                }
                line.append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                long t2 = System.nanoTime();
                out.write(bytes);
                written += bytes.length;
                protectNanos += t1 - t0;
                formatNanos += t2 - t1;
            }
        }
        offsets[chunks] = written;
        Roster.forceToDisk(file);
        return new Prepared(file, rows, chunkSize, offsets, protectNanos / 1e9, formatNanos / 1e9);
    }

    /** Loads chunks [0, chunks) back to back, each in its own transaction. */
    static Timing load(DataSource dataSource, Prepared prepared, int chunks) throws IOException, SQLException {
        long start = System.nanoTime();
        long rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = loadChunks(connection, SQL, prepared.file(), prepared.offsets(), 0, 1, chunks, prepared::rowsIn);
        }
        return new Timing(rows, (System.nanoTime() - start) / 1e9);
    }

    /** BulkLoader's statement, for a table and its columns. */
    static String loadSql(String table, List<String> columns) {
        return "LOAD DATA LOCAL INFILE 'staging.tsv' INTO TABLE " + table
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", columns) + ")";
    }

    /**
     * Sends chunks first, first + step, … below {@code chunks} of a file (chunk k from offsets[k] to
     * offsets[k + 1]) back to back, one statement and one transaction each, from in-memory streams;
     * each must load the rows {@code rowsIn} says. Returns the rows loaded.
     */
    private static long loadChunks(Connection connection, String sql, Path file, long[] offsets, int first, int step,
            int chunks, IntToLongFunction rowsIn) throws IOException, SQLException {
        long rows = 0;
        connection.setAutoCommit(false);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            for (int chunk = first; chunk < chunks; chunk += step) {
                rows += loadChunk(connection, sql, in, offsets, chunk, rowsIn.applyAsLong(chunk), file.getFileName());
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return rows;
    }

    /** Sends chunk {@code chunk} of a file (offsets[chunk] to offsets[chunk + 1]), which must load {@code expected} rows. */
    private static long loadChunk(Connection connection, String sql, RandomAccessFile in, long[] offsets, int chunk,
            long expected, Object what) throws IOException, SQLException {
        byte[] bytes = new byte[Math.toIntExact(offsets[chunk + 1] - offsets[chunk])];
        in.seek(offsets[chunk]);
        in.readFully(bytes);
        long loaded = BulkRows.loadLocal(connection, sql, new ByteArrayInputStream(bytes));
        if (loaded != expected) {
            throw new SQLException("LOAD DATA (" + what + ") loaded " + loaded + " of " + expected + " rows (chunk "
                    + chunk + ")");
        }
        return loaded;
    }

    /**
     * Lets the server write out the pages ingest left dirty before a ceiling is timed, so the
     * ceiling is the database at its best and not partly ingest's leftover flushing: asks InnoDB to
     * flush everything, waits until under 1 % of the buffer pool is dirty (at most two minutes), and
     * puts the setting back. Returns seconds waited and the dirty pages before and after.
     */
    static String settle(JdbcTemplate jdbc) throws InterruptedException {
        long start = System.nanoTime();
        Double was = jdbc.queryForObject("SELECT @@innodb_max_dirty_pages_pct", Double.class);
        long before = dirty(jdbc);
        long total = jdbc.queryForObject("""
                SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
                WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_TOTAL'""", Long.class);
        long now = before;
        Long capacity = jdbc.queryForObject("SELECT @@innodb_io_capacity", Long.class);
        Long capacityMax = jdbc.queryForObject("SELECT @@innodb_io_capacity_max", Long.class);
        // the page cleaner writes innodb_io_capacity pages a second (200: a disk of the 2000s)
        jdbc.execute("SET GLOBAL innodb_io_capacity_max = 100000");
        jdbc.execute("SET GLOBAL innodb_io_capacity = 50000");
        jdbc.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
        try {
            while (now > total / 100 && System.nanoTime() - start < 120_000_000_000L) {
                Thread.sleep(250);
                now = dirty(jdbc);
            }
        } finally {
            jdbc.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + was);
            jdbc.execute("SET GLOBAL innodb_io_capacity = " + capacity);
            jdbc.execute("SET GLOBAL innodb_io_capacity_max = " + capacityMax);
        }
        return String.format(Locale.ROOT, "%.1f s for the server to write out dirty pages (%,d → %,d of %,d)",
                (System.nanoTime() - start) / 1e9, before, now, total);
    }

    private static long dirty(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
                WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'""", Long.class);
    }

    /** The rows ingest staged, dumped as LOAD DATA text: per staging table, its columns, file and chunk starts. */
    record Dumped(List<Table> tables, long rows, double seconds) {
    }

    record Table(String name, List<String> columns, Path file, long rows, int chunkSize, long[] offsets) {

        long rowsIn(int chunk) {
            return Math.min(chunkSize, rows - (long) chunk * chunkSize);
        }
    }

    /**
     * Writes every row of every staging table, in the order ingest inserted them (by id), as the
     * tab-separated text {@code BulkLoader} sends, in chunks of {@code chunkSize} rows — the same
     * rows, the same columns and escapes, so a load of them is the database's ceiling for exactly
     * this run's data, with the table mix and the tables growing as they grew under ingest.
     */
    static Dumped dump(DataSource dataSource, Path dir, int chunkSize) throws IOException, SQLException {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        List<Table> tables = new ArrayList<>();
        long total = 0;
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = DATABASE() AND table_name LIKE 'stg\\_%' ORDER BY table_name""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                List<String> columns = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = DATABASE() AND table_name = ? AND column_name <> 'id'
                        ORDER BY ordinal_position""")) {
                    statement.setString(1, name);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            columns.add(rs.getString(1));
                        }
                    }
                }
                Path file = dir.resolve(name + ".tsv");
                List<Long> offsets = new ArrayList<>();
                long rows = 0;
                long written = 0;
                StringBuilder line = new StringBuilder(512);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                                ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(Integer.MIN_VALUE);   // Connector/J streams the rows
                    try (ResultSet rs = statement.executeQuery(
                            "SELECT " + String.join(", ", columns) + " FROM " + name + " ORDER BY id")) {
                        while (rs.next()) {
                            if (rows % chunkSize == 0) {
                                offsets.add(written);
                            }
                            line.setLength(0);
                            for (int c = 1; c <= columns.size(); c++) {
                                if (c > 1) {
                                    line.append('\t');
                                }
                                BulkRows.appendField(line, rs.getObject(c));
                            }
                            line.append('\n');
                            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                            out.write(bytes);
                            written += bytes.length;
                            rows++;
                        }
                    }
                }
                offsets.add(written);
                Roster.forceToDisk(file);
                if (rows > 0) {
                    tables.add(new Table(name, columns, file, rows, chunkSize,
                            offsets.stream().mapToLong(Long::longValue).toArray()));
                    total += rows;
                }
            }
        }
        return new Dumped(tables, total, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Loads the dumped rows back to back into empty copies of their tables (same columns and
     * indexes, {@code CREATE TABLE … LIKE}), one statement and one transaction per chunk on one
     * connection, then drops the copies.
     */
    static Timing loadDumped(DataSource dataSource, Dumped dumped) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            createCopies(connection, dumped.tables(), COPY);
            long start = System.nanoTime();
            long rows = loadEvery(connection, dumped.tables(), COPY, 0, 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            dropCopies(connection, dumped.tables(), COPY);
            return new Timing(rows, seconds);
        }
    }

    private static final String COPY = "ceiling_";

    private static void createCopies(Connection connection, List<Table> tables, String prefix) throws SQLException {
        dropCopies(connection, tables, prefix);
        try (Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                statement.execute("CREATE TABLE " + prefix + table.name() + " LIKE " + table.name());
            }
        }
    }

    private static void dropCopies(Connection connection, List<Table> tables, String prefix) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + table.name());
            }
        }
    }

    private static String copySql(String prefix, Table table) {
        return loadSql(prefix + table.name(), table.columns());
    }

    /**
     * Diagnosis: the dumped rows loaded on two connections at once, table by table, one taking the
     * even chunks and the other the odd ones, into one set of empty copies ({@code sameTables}: both
     * append to the same pages of the same indexes) or each into its own set (two loads at once,
     * nothing shared but the server). Beside {@link #loadDumped}'s one connection, it tells what two
     * loads at once cost the server a row, and how much of that is the pages they share.
     */
    static Timing loadDumpedTwoAtOnce(DataSource dataSource, Dumped dumped, boolean sameTables) throws Exception {
        List<Table> tables = dumped.tables();
        List<String> prefixes = sameTables ? List.of(COPY, COPY) : List.of(COPY, "ceiling2_");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection connection = dataSource.getConnection()) {
            for (String prefix : new LinkedHashSet<>(prefixes)) {
                createCopies(connection, tables, prefix);
            }
            try {
                long start = System.nanoTime();
                List<Future<Long>> streams = new ArrayList<>();
                for (int stream = 0; stream < 2; stream++) {
                    int first = stream;
                    String prefix = prefixes.get(stream);
                    streams.add(pool.submit(() -> {
                        try (Connection own = dataSource.getConnection()) {
                            return loadEvery(own, tables, prefix, first, 2);
                        }
                    }));
                }
                long rows = 0;
                for (Future<Long> stream : streams) {
                    rows += stream.get();
                }
                return new Timing(rows, (System.nanoTime() - start) / 1e9);
            } finally {
                for (String prefix : new LinkedHashSet<>(prefixes)) {
                    dropCopies(connection, tables, prefix);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Chunks first, first + step, … of every table, table by table, into its copy named with {@code prefix}. */
    private static long loadEvery(Connection connection, List<Table> tables, String prefix, int first, int step)
            throws IOException, SQLException {
        long rows = 0;
        for (Table table : tables) {
            rows += loadChunks(connection, copySql(prefix, table), table.file(), table.offsets(), first, step,
                    table.offsets().length - 1, table::rowsIn);
        }
        return rows;
    }

    /**
     * The dumped rows loaded as ingest sends them rather than table by table: chunks of every table
     * interleaved (next the table least far along, so all of them are under way together, as in a
     * chunk of ingest that holds several templates' files), one statement and one transaction per
     * chunk on one connection, into empty copies dropped after. With chunks the size of ingest's
     * loads (rows staged ÷ {@code com_load}), it tells how much of ingest's distance from the
     * ceiling is the shape of its loads, and how much is everything else.
     */
    static Timing loadDumpedInterleaved(DataSource dataSource, Dumped dumped) throws IOException, SQLException {
        List<Table> tables = dumped.tables();
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            createCopies(connection, tables, COPY);
            int[] next = new int[tables.size()];
            List<RandomAccessFile> files = new ArrayList<>();
            connection.setAutoCommit(false);
            try {
                for (Table table : tables) {
                    files.add(new RandomAccessFile(table.file().toFile(), "r"));
                }
                long start = System.nanoTime();
                for (int t = leastAlong(tables, next); t >= 0; t = leastAlong(tables, next)) {
                    Table table = tables.get(t);
                    rows += loadChunk(connection, copySql(COPY, table), files.get(t), table.offsets(), next[t],
                            table.rowsIn(next[t]), table.name());
                    connection.commit();
                    next[t]++;
                }
                return new Timing(rows, (System.nanoTime() - start) / 1e9);
            } finally {
                for (RandomAccessFile file : files) {
                    file.close();
                }
                connection.setAutoCommit(true);
                dropCopies(connection, tables, COPY);
            }
        }
    }

    /** The table with chunks left that is least far along, or -1 when all are loaded. */
    private static int leastAlong(List<Table> tables, int[] next) {
        int least = -1;
        double along = 2;
        for (int t = 0; t < tables.size(); t++) {
            int chunks = tables.get(t).offsets().length - 1;
            if (next[t] < chunks && (double) next[t] / chunks < along) {
                along = (double) next[t] / chunks;
                least = t;
            }
        }
        return least;
    }

    private static Object canonical(String value) {
        return CANONICAL.getOrDefault(value, value);
    }
}
