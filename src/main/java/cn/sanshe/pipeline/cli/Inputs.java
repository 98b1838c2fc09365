package cn.sanshe.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of a command's files, folders and codes made before anything starts, each failing as
 * wrong usage with one Chinese line that says what was expected.
 */
public final class Inputs {

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private Inputs() {
    }

    /** A file that must exist and be readable. */
    public static void existingFile(CommandSpec spec, Path file, String what) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            throw new ParameterException(spec.commandLine(), "找不到" + what + "：" + file.toAbsolutePath());
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), what + "应为可读的文件：" + file.toAbsolutePath());
        }
    }

    /** A folder that must exist. */
    public static void existingFolder(CommandSpec spec, Path folder, String what) {
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "找不到" + what + "（应为已存在的文件夹）：" + folder.toAbsolutePath());
        }
    }

    /** An output file whose name ends with one of the extensions (without dot), in a folder that exists or can be made. */
    public static void outputFile(CommandSpec spec, Path out, String... extensions) {
        if (out == null) {
            return;
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Arrays.stream(extensions).noneMatch(ext -> name.endsWith("." + ext))) {
            throw new ParameterException(spec.commandLine(), "--out 应为 " + String.join(" 或 ",
                    Arrays.stream(extensions).map(ext -> "." + ext + " 文件").toList()) + "，实为“" + out + "”");
        }
        if (Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out 应为文件，“" + out + "”是文件夹");
        }
    }

    /** A 12-digit division code, or a street's 9 / a district's 6 digits where {@code lengths} allow. */
    public static void code(CommandSpec spec, String option, String code, int... lengths) {
        if (code == null) {
            return;
        }
        boolean digits = code.chars().allMatch(Character::isDigit);
        if (!digits || Arrays.stream(lengths).noneMatch(length -> code.length() == length)) {
            throw new ParameterException(spec.commandLine(), option + " 应为 " + String.join(" 或 ",
                    Arrays.stream(lengths).mapToObj(length -> length + "位").toList()) + "数字区划代码，实为“" + code + "”");
        }
    }

    /** A reporting month {@code yyyy-MM} or, where allowed, a year {@code yyyy}. */
    public static void period(CommandSpec spec, String option, String period, boolean yearAllowed) {
        if (period == null) {
            return;
        }
        if (MONTH.matcher(period).matches() || yearAllowed && YEAR.matcher(period).matches()) {
            return;
        }
        throw new ParameterException(spec.commandLine(), option + " 应为月份 yyyy-MM（如 2026-10）"
                + (yearAllowed ? "或年份 yyyy（如 2026）" : "") + "，实为“" + period + "”");
    }

    /** picocli converter for {@code YearMonth} options: one Chinese line on a wrong month. */
    static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            if (!MONTH.matcher(value).matches()) {
                throw new CommandLine.TypeConversionException("应为月份 yyyy-MM（如 2026-10），实为“" + value + "”");
            }
            return YearMonth.parse(value);
        }
    }
}
