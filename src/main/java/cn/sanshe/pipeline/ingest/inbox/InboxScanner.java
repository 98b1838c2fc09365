package cn.sanshe.pipeline.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Walks {@code <inbox>/<yyyy-MM>/<unit code>/<file>} in a stable order. A file anywhere else is
 * still reported, as misplaced, and a hidden file or a link as not read, so nothing a unit sent
 * disappears without a word.
 */
public final class InboxScanner {

    private InboxScanner() {
    }

    /**
     * Every file under the inbox, in the order they were dropped: by file time, and at equal times
     * the name without a copy suffix first, so that of two identical files the original is
     * registered as such and the other as its copy. Hidden files and symbolic links are not read but
     * handed to {@code refused} with the reason, so the accounting lists them.
     */
    public static void scan(Path inbox, YearMonth onlyPeriod, Consumer<Drop> sink, Consumer<Drop> refused) {
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("收件箱文件夹不存在或不是文件夹：" + inbox);
        }
        List<Found> files = new ArrayList<>();
        try {
            // One lstat per entry, taken by the walk itself (no link is followed): a national inbox holds
            // tens of thousands of files, and asking again whether each is a link, a file and when it
            // was written tripled the system calls of the scan.
            Files.walkFileTree(inbox, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink() || attributes.isRegularFile()) {
                        files.add(new Found(path, attributes.lastModifiedTime().toMillis(), hasCopySuffix(path),
                                attributes.isSymbolicLink()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparingLong(Found::modified).thenComparing(Found::copy)
                .thenComparing(found -> found.path().toString()));
        for (Found found : files) {
            Path file = found.path();
            Drop drop = classify(inbox, file);
            if (onlyPeriod != null && !onlyPeriod.equals(drop.period())) {
                continue;
            }
            String notRead = notRead(inbox, file, found.link());
            if (notRead != null) {
                refused.accept(new Drop(file, drop.path(), drop.period(), drop.unitCode(), notRead));
            } else {
                sink.accept(drop);
            }
        }
    }

    private record Found(Path path, long modified, boolean copy, boolean link) {
    }

    private static final Pattern COPY_SUFFIX = Pattern.compile(
            ".*?(\\s*[（(]\\d+[)）]|\\s*-\\s*副本(\\s*[（(]\\d+[)）])?|\\s*副本(\\s*[（(]\\d+[)）])?"
                    + "|\\s*-\\s*[Cc]opy(\\s*[（(]\\d+[)）])?)");

    /** {@code 花名册 (1).xlsx}, {@code 花名册 - 副本.xlsx}, {@code 花名册副本.xlsx}: what Windows and WeChat name a copy. */
    static boolean hasCopySuffix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return COPY_SUFFIX.matcher(stem).matches();
    }

    /** Why a file is listed but not read, or null. */
    private static String notRead(Path inbox, Path file, boolean link) {
        if (link) {
            return "符号链接，不读取（链接可指向本机任何文件）：请把文件本身放入收件箱";
        }
        for (Path part : inbox.relativize(file)) {
            String name = part.toString();
            if (name.startsWith(".")) {
                return "隐藏文件（文件或文件夹名以“.”开头），未读取";
            }
            if (name.startsWith("~$")) {
                return "Office临时锁文件（~$开头，文件正被打开时产生），未读取";
            }
        }
        return null;
    }

    private static final Pattern UNIT_CODE = Pattern.compile("\\d{6}|\\d{9}");

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
        if (!UNIT_CODE.matcher(unit).matches()) {
            return new Drop(file, path, period, null, "文件夹“" + unit + "”不是报送单位代码（街道9位、区县6位）");
        }
        return new Drop(file, path, period, unit, null);
    }

}
