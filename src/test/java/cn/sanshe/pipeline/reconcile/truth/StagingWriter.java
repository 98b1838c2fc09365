package cn.sanshe.pipeline.reconcile.truth;

import cn.sanshe.pipeline.system.BulkRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what ingest would have written for loaded sheets: an {@code ingest_file} and an
 * {@code ingest_sheet} per period, unit and template, and the staging rows, appended with
 * {@code LOAD DATA LOCAL INFILE} from memory (as the ingest's bulk loader does). Staging ids are
 * given explicitly, consecutive from the table's highest, so the truth knows every row's id
 * without reading it back.
 */
final class StagingWriter {

    static final List<String> COMMON = List.of("id", "sheet_id", "row_no", "period", "unit_code", "district_code");

    enum Table {
        S2("stg_s2_org_ledger", "org_name", "credit_code", "reg_status", "filing_no", "org_type", "service_domain",
                "person_in_charge", "phone", "community_code", "founded_on", "rating", "is_sw_agency"),
        D1("stg_d1_org_registry", "credit_code", "org_name", "org_type", "registered_on", "reg_status", "legal_rep",
                "address", "community_code", "rating", "is_sw_agency"),
        S3("stg_s3_worker", "name", "id_hash", "id_cipher", "id_masked", "gender", "birth_date", "education",
                "political_status", "post", "is_committee", "is_sw_post", "cert_level", "cert_no", "community_code",
                "hired_on", "phone"),
        D3("stg_d3_certificate", "name", "id_hash", "id_cipher", "id_masked", "cert_level", "cert_no",
                "obtained_year", "employer", "street_code");

        final String table;
        final List<String> columns;

        Table(String table, String... data) {
            this.table = table;
            List<String> all = new ArrayList<>(COMMON);
            all.addAll(List.of(data));
            this.columns = List.copyOf(all);
        }
    }

    private static final int FLUSH_BYTES = 16 << 20;

    private final JdbcTemplate jdbc;
    private final RowEntities orgs;
    private final RowEntities workers;
    private final Map<Table, StringBuilder> buffers = new HashMap<>();
    private final Map<Table, Integer> buffered = new HashMap<>();
    private final Map<Table, Long> nextId = new HashMap<>();
    private final Map<String, Integer> written = new HashMap<>();
    private final List<Object[]> sheetCounts = new ArrayList<>();
    private long nextFile;
    private long nextSheet;
    private final long runTag = System.nanoTime();

    StagingWriter(JdbcTemplate jdbc, RowEntities orgs, RowEntities workers) {
        this.jdbc = jdbc;
        this.orgs = orgs;
        this.workers = workers;
        for (Table table : Table.values()) {
            nextId.put(table, next(table.table));
            buffers.put(table, new StringBuilder(FLUSH_BYTES + (1 << 16)));
            buffered.put(table, 0);
        }
        nextFile = next("ingest_file");
        nextSheet = next("ingest_sheet");
    }

    private long next(String table) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
        return max == null ? 1 : max + 1;
    }

    /** A loaded sheet of one template from one unit for one period; rows follow. */
    final class Sheet {
        private final Table table;
        private final long id;
        private final String unit;
        private final String district;
        private final String period;
        private int rowNo = 3;   // title, 填报单位, header: data starts on row 4

        private Sheet(Table table, String unit, YearMonth period) {
            this.table = table;
            this.unit = unit;
            this.district = unit.substring(0, 6);
            this.period = period.toString();
            long fileId = nextFile++;
            this.id = nextSheet++;
            String path = this.period + "/" + unit + "/truth-" + table.name() + "-" + fileId + ".csv";
            jdbc.update("INSERT INTO ingest_file (id, sha256, path, unit_code, district_code, period, size_bytes, "
                    + "modified_at, status, received_at, loaded_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'loaded', NOW(6), "
                    + "NOW(6))", fileId, sha256(path + "#" + runTag + "#" + UUID.randomUUID()), path, unit, district,
                    this.period, System.currentTimeMillis());
            jdbc.update("INSERT INTO ingest_sheet (id, file_id, sheet_name, template, header_row, unit_code, "
                    + "district_code, period) VALUES (?, ?, 'Sheet1', ?, 3, ?, ?, ?)", id, fileId, table.name(), unit,
                    district, this.period);
        }

        /** Appends a row (data columns in {@link Table} order) of a real entity; returns its staging id. */
        long row(int entity, int tags, Object... data) {
            long stgId = nextId.merge(table, 1L, Long::sum) - 1;
            StringBuilder out = buffers.get(table);
            BulkRows.appendField(out, stgId);
            out.append('\t');
            BulkRows.appendField(out, id);
            out.append('\t');
            BulkRows.appendField(out, ++rowNo);
            out.append('\t');
            BulkRows.appendField(out, period);
            out.append('\t');
            BulkRows.appendField(out, unit);
            out.append('\t');
            BulkRows.appendField(out, district);
            for (Object value : data) {
                out.append('\t');
                BulkRows.appendField(out, value);
            }
            out.append('\n');
            buffered.merge(table, 1, Integer::sum);
            (table == Table.S2 || table == Table.D1 ? orgs : workers).add(table.name(), stgId, entity, tags);
            written.merge(table.name(), 1, Integer::sum);
            if (out.length() >= FLUSH_BYTES) {
                flush(table);
            }
            return stgId;
        }

        void close() {
            int rows = rowNo - 3;
            sheetCounts.add(new Object[] {rows, rows, id});
        }
    }

    Sheet sheet(Table table, String unit, YearMonth period) {
        return new Sheet(table, unit, period);
    }

    Map<String, Integer> written() {
        return written;
    }

    /** Loads what is buffered and fills in the sheets' row counts. */
    void finish() {
        for (Table table : Table.values()) {
            flush(table);
        }
        jdbc.batchUpdate("UPDATE ingest_sheet SET rows_read = ?, rows_loaded = ? WHERE id = ?", sheetCounts);
        sheetCounts.clear();
    }

    private void flush(Table table) {
        StringBuilder out = buffers.get(table);
        int rows = buffered.get(table);
        if (rows == 0) {
            return;
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        buffered.put(table, 0);
        String sql = "LOAD DATA LOCAL INFILE 'truth.tsv' INTO TABLE " + table.table
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", table.columns) + ")";
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            long loaded = BulkRows.loadLocal(connection, sql, new ByteArrayInputStream(bytes));
            if (loaded != rows) {
                throw new SQLException("LOAD DATA into " + table.table + " loaded " + loaded + " of " + rows + " rows");
            }
            return null;
        });
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
