package cn.sanshe.pipeline.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the embedded MariaDB keeps its data and binaries. Used only when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir   the database files; kept between runs so history survives restarts
 * @param baseDir   where the server binaries are unpacked
 * @param port      0 picks a free port
 * @param database  schema name the application uses
 * @param freshStart wipe the data directory before the first start in this JVM (tests)
 * @param bufferPool InnoDB buffer pool size, as MariaDB writes sizes (512M)
 * @param redoLog    InnoDB redo log size (innodb_log_file_size), as MariaDB writes sizes (1G)
 */
@ConfigurationProperties("pipeline.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, Path baseDir, int port, String database, boolean freshStart,
        String bufferPool, String redoLog) {

    /** With the default redo log (1G), for callers that set only the buffer pool. */
    public EmbeddedDatabaseProperties(Path dataDir, Path baseDir, int port, String database, boolean freshStart,
            String bufferPool) {
        this(dataDir, baseDir, port, database, freshStart, bufferPool, null);
    }

    @ConstructorBinding
    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data", "mariadb") : dataDir;
        baseDir = baseDir == null ? Path.of("data", "mariadb-server") : baseDir;
        database = database == null ? "sanshe" : database;
        bufferPool = size("buffer-pool", bufferPool, "512M");
        redoLog = size("redo-log", redoLog, "1G");
    }

    /** A size as MariaDB writes them (a number, then K, M or G), or the default when not set. */
    private static String size(String key, String value, String byDefault) {
        String size = value == null ? byDefault : value;
        if (!size.matches("\\d+[KMG]?")) {
            throw new IllegalArgumentException("pipeline.embedded-db." + key + " must look like " + byDefault + ": " + size);
        }
        return size;
    }
}
