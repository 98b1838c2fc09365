package cn.sanshe.pipeline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU seconds spent by this JVM and by the embedded database server (a child process) over a
 * stretch of work. On a shared, noisy machine wall time swings with the neighbours; CPU per row
 * moves much less, and says which side — Java or the server — bounds a stage on two cores.
 */
final class CpuWatch {

    /** CPU seconds of the JVM and the server at one moment (server -1 when it is not a child of ours). */
    record Sample(double jvm, double server) {
    }

    /** What a stage cost: seconds of each side and per row, and the CPUs busy on average. */
    record Spent(double jvm, double server, double wall, long rows) {

        String describe() {
            String perRow = rows <= 0 ? "" : String.format(Locale.ROOT, " (%.1f µs per row)", jvm * 1e6 / rows);
            String server = this.server < 0 ? "server n/a" : String.format(Locale.ROOT, "server %.1f s%s", this.server,
                    rows <= 0 ? "" : String.format(Locale.ROOT, " (%.1f µs per row)", this.server * 1e6 / rows));
            return String.format(Locale.ROOT, "cpu: JVM %.1f s%s, %s; %.2f CPUs busy on average", jvm, perRow, server,
                    ((this.server < 0 ? 0 : this.server) + jvm) / wall);
        }
    }

    private CpuWatch() {
    }

    static Sample sample() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new Sample(jvm, serverSeconds());
    }

    static Spent since(Sample before, double wallSeconds, long rows) {
        Sample now = sample();
        double server = before.server() < 0 || now.server() < 0 ? -1 : now.server() - before.server();
        return new Spent(now.jvm() - before.jvm(), server, wallSeconds, rows);
    }

    /** utime + stime of the mysqld / mariadbd process among our descendants, from /proc (Linux). */
    private static double serverSeconds() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd")).orElse(false))
                .mapToDouble(p -> {
                    try {
                        String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // fields from the state on: utime and stime are the 12th and 13th, in clock ticks (100 Hz)
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    } catch (IOException | RuntimeException e) {
                        return -1;
                    }
                })
                .findFirst().orElse(-1);
    }
}
