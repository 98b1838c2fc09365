package cn.sanshe.pipeline.system;

import java.nio.file.Path;

/**
 * A process that uses the embedded server for a while, as a command would: obtains it (starting or
 * joining), says so on its output, holds it, then releases it — unless it is killed first.
 * Arguments: data directory, server directory, milliseconds to hold it.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.obtain(new EmbeddedDatabaseProperties(Path.of(args[0]), Path.of(args[1]),
                0, "sanshe", false, "64M"));
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.parseLong(args[2]));
        server.leave();
        System.out.println("RELEASED");
        System.out.flush();
    }
}
