package cn.sanshe.pipeline.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Walks {@code <inbox>/<yyyy-MM>/<unit code>/<file>} in a stable order. A file anywhere else is
 * still reported, as misplaced, so nothing a unit sent disappears without a word.
 */
public final class InboxScanner {

    private InboxScanner() {
    }

    public static void scan(Path inbox, YearMonth onlyPeriod, Consumer<Drop> sink) {
        if (!Files.isDirectory(inbox)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inbox)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !isHidden(file)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            Drop drop = classify(inbox, file);
            if (onlyPeriod == null || onlyPeriod.equals(drop.period())) {
                sink.accept(drop);
            }
        }
    }

    static Drop classify(Path inbox, Path file) {
        Path relative = inbox.relativize(file);
        String path = relative.toString().replace('\\', '/');
        if (relative.getNameCount() != 3) {
            return new Drop(file, path, null, null, "文件应放在 <统计月份yyyy-MM>/<报送单位代码>/ 文件夹下");
        }
        YearMonth period;
        try {
            period = YearMonth.parse(relative.getName(0).toString());
        } catch (DateTimeParseException e) {
            return new Drop(file, path, null, null, "文件夹“" + relative.getName(0) + "”不是统计月份（应为yyyy-MM）");
        }
        String unit = relative.getName(1).toString();
        if (!unit.matches("\\d{6}|\\d{9}")) {
            return new Drop(file, path, period, null, "文件夹“" + unit + "”不是报送单位代码（街道9位、区县6位）");
        }
        return new Drop(file, path, period, unit, null);
    }

    // Office leaves ~$lock files and editors .swp files beside what the clerk saved.
    private static boolean isHidden(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.startsWith("~$");
    }
}
