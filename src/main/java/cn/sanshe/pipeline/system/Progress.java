package cn.sanshe.pipeline.system;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of long work for the person who started it: on a terminal one line rewritten in place
 * (rows, rate, ETA when the total is known); elsewhere (cron, CI, a log file) a plain line every
 * ten seconds, so logs stay readable.
 */
public final class Progress {

    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

    private final String label;
    private final String unit;
    private final String rateUnit;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long startedAt = System.nanoTime();
    private long lastShownAt = startedAt;

    /** {@code total} &lt;= 0 when unknown. */
    public Progress(String label, long total) {
        this(label, total, "行", "行/秒");
    }

    /** Counting other things than rows: {@code unit} after the count (个数字), {@code rateUnit} after the rate (个/秒). */
    public Progress(String label, long total, String unit, String rateUnit) {
        this(label, total, unit, rateUnit, System.err, System.console() != null);
    }

    Progress(String label, long total, PrintStream out, boolean terminal) {
        this(label, total, "行", "行/秒", out, terminal);
    }

    Progress(String label, long total, String unit, String rateUnit, PrintStream out, boolean terminal) {
        this.label = label;
        this.unit = unit;
        this.rateUnit = rateUnit;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastShownAt >= (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            lastShownAt = now;
            show(done, now, false);
        }
    }

    public void finish(long done) {
        show(done, System.nanoTime(), true);
    }

    private void show(long done, long now, boolean last) {
        String line = describe(done, now - startedAt);
        if (terminal) {
            out.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String describe(long done, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d %s", label, done, unit));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " / %,d (%.0f%%)", total, 100.0 * done / total));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f %s, 用时 %.0f 秒", rate, rateUnit, seconds));
        if (total > 0 && done < total && rate > 0) {
            line.append(String.format(Locale.ROOT, ", 预计还需 %.0f 秒", (total - done) / rate));
        }
        return line.toString();
    }
}
