package cn.sanshe.pipeline.ingest.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a registry's rows as a CSV snapshot into the inbox, streaming (a registry of any size
 * passes through a bounded buffer). The file appears only when complete, so a half-written
 * snapshot is never ingested.
 */
public final class RegistryPull {

    static final String FILE_NAME = "登记社会组织名录（数据库）.csv";

    private RegistryPull() {
    }

    /** Returns the snapshot's path and the number of rows written. */
    public static Snapshot pull(RegistrySource source, Path inbox, YearMonth period) throws SQLException, IOException {
        if (!source.district().matches("\\d{6}")) {
            throw new IllegalArgumentException("registry district must be a 6-digit code: " + source.district());
        }
        Path target = inbox.resolve(period.toString()).resolve(source.district()).resolve(FILE_NAME);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + FILE_NAME + ".partial");
        int rows = 0;
        try (Connection connection = DriverManager.getConnection(source.url(), source.username(), source.password());
                Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            connection.setReadOnly(true);
            // Connector/J streams a result set row by row only with this fetch size.
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet result = statement.executeQuery(source.query());
                    Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
                ResultSetMetaData meta = result.getMetaData();
                List<String> header = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    header.add(meta.getColumnLabel(i));
                }
                csv.printRecord(header);
                while (result.next()) {
                    List<String> values = new ArrayList<>(header.size());
                    for (int i = 1; i <= header.size(); i++) {
                        String value = result.getString(i);
                        values.add(value == null ? "" : value);
                    }
                    csv.printRecord(values);
                    rows++;
                }
                csv.flush();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Snapshot(target, rows);
    }

    public record Snapshot(Path file, int rows) {
    }
}
