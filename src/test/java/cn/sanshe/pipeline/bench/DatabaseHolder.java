package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.system.EmbeddedDatabaseProperties;
import cn.sanshe.pipeline.system.EmbeddedMariaDb;
import java.nio.file.Path;

/**
 * Keeps the embedded database of a working directory running, as a {@code serve} left running on
 * an operator's machine does, without a scheduler or a console competing for the CPU: the
 * command-start benchmark starts it once, outside the timing, and every command it times joins
 * the running server. Ends (and, as the last user, stops the server) when its standard input
 * closes. Usage: {@code DatabaseHolder DATA_DIR BASE_DIR}, on the application's classpath.
 */
public final class DatabaseHolder {

    private DatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb database = EmbeddedMariaDb.obtain(new EmbeddedDatabaseProperties(Path.of(args[0]),
                Path.of(args[1]), 0, "sanshe", false, null));
        System.out.println("database-running port=" + database.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the benchmark closes our standard input (or ends)
        }
        database.release();
        database.leave();
    }
}
