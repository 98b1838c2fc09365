package cn.sanshe.pipeline.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of every run: splits Spring settings from the command, then lets picocli decide.
 * Wrong usage — a misspelt command or option, a missing or malformed value, a file that is not
 * there, an unknown job id or scope — is answered in one Chinese line with what was expected and
 * exit status 2, before the database starts whenever the mistake can be seen without it. A
 * command that fails says so in one line (exit 1); the stack trace goes to {@code logs/pipeline.log}
 * only.
 */
public final class CommandLineFrame {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** How commands are started, as hints and mails quote it (the jar {@code ./mvnw package} builds). */
    public static final String JAR = "java -jar target/sanshe-pipeline-0.1.0-SNAPSHOT.jar";

    private static final Logger log = LoggerFactory.getLogger(CommandLineFrame.class);

    private CommandLineFrame() {
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, writing to the given streams (tests read them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        List<String> springArguments = new ArrayList<>();
        List<String> commandArguments = new ArrayList<>();
        for (String arg : args) {
            (isSpringSetting(arg) ? springArguments : commandArguments).add(arg);
        }
        if (commandArguments.isEmpty()) {
            commandArguments.add("demo");
        }
        CommandLine commandLine = commandLine(springArguments);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine command = exception.getCommandLine();
            command.getErr().println("用法错误：" + usageMessage(exception) + "（" + helpHint(command) + "）");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            if (exception instanceof UsageException || exception instanceof IllegalArgumentException) {
                // Something named on the command line that does not exist (a job id, a scope, a schedule).
                log.info("command {}: wrong usage: {}", failedCommand.getCommandName(), exception.getMessage());
                failedCommand.getErr().println("用法错误：" + oneLine(exception.getMessage()));
                return USAGE;
            }
            log.error("command {} failed", failedCommand.getCommandName(), exception);
            for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof cn.sanshe.pipeline.jobs.JobInterruptedException interrupted) {
                    // Its own words name the execution and the restart command: the operator needs exactly those.
                    failedCommand.getErr().println("失败：" + oneLine(interrupted.getMessage()));
                    return FAILED;
                }
            }
            failedCommand.getErr().println("失败：" + oneLine(messageOf(exception)) + "（详情见 logs/pipeline.log）");
            return FAILED;
        });
        return commandLine.execute(commandArguments.toArray(String[]::new));
    }

    /** The command tree with Chinese help texts and the converters of the options. */
    static CommandLine commandLine(List<String> springArguments) {
        CommandLine commandLine = new CommandLine(new PipelineCommand(springArguments));
        commandLine.registerConverter(YearMonth.class, new Inputs.MonthConverter());
        commandLine.setResourceBundle(new ChineseTexts());
        chinese(commandLine);
        return commandLine;
    }

    private static void chinese(CommandLine command) {
        command.getCommandSpec().usageMessage()
                .synopsisHeading("用法：")
                .commandListHeading("%n命令：%n")
                .optionListHeading("%n选项：%n")
                .parameterListHeading("%n参数：%n");
        command.getSubcommands().values().forEach(CommandLineFrame::chinese);
    }

    /** picocli's own texts of the standard options, in Chinese. */
    static final class ChineseTexts extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"mixinStandardHelpOptions.help", "显示本帮助并退出。"},
                {"mixinStandardHelpOptions.version", "显示版本并退出。"},
            };
        }
    }

    /** What was wrong, in Chinese, from picocli's exception. */
    static String usageMessage(ParameterException exception) {
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> words = unmatched.getUnmatched();
            String first = words.isEmpty() ? "" : words.get(0);
            List<String> suggestions = unmatched.getSuggestions();
            String known = exception.getCommandLine().getSubcommands().keySet().stream()
                    .collect(Collectors.joining("、"));
            if (first.startsWith("-")) {
                return "未知的选项“" + first + "”" + (suggestions.isEmpty() ? "" : "，是否想用 " + String.join("、", suggestions));
            }
            return "未知的命令或多余的参数“" + first + "”"
                    + (suggestions.isEmpty() ? "" : "，是否想用 " + String.join("、", suggestions))
                    + (known.isEmpty() ? "" : "；可用命令：" + known);
        }
        if (exception instanceof CommandLine.MissingParameterException missing) {
            return "缺少必填项：" + missing.getMissing().stream().map(CommandLineFrame::describe)
                    .collect(Collectors.joining("、"));
        }
        if (exception instanceof CommandLine.OverwrittenOptionException overwritten) {
            return "选项 " + describe(overwritten.getOverwritten()) + " 只能给一次";
        }
        if (exception instanceof CommandLine.MaxValuesExceededException) {
            return "参数过多";
        }
        ArgSpec arg = exception.getArgSpec();
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        if (arg != null && message.startsWith("Invalid value")) {
            String value = exception.getValue();
            Throwable cause = exception.getCause();
            if (cause instanceof CommandLine.TypeConversionException && cause.getMessage() != null
                    && !cause.getMessage().isEmpty() && cause.getMessage().codePoints().anyMatch(c -> c > 0x2E80)) {
                return describe(arg) + " " + cause.getMessage();
            }
            Class<?> type = arg.type();
            if (type.isEnum()) {
                String choices = java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining("、"));
                return describe(arg) + " 应为 " + choices + " 之一，实为“" + value + "”";
            }
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                return describe(arg) + " 应为整数，实为“" + value + "”";
            }
            return describe(arg) + " 的值“" + value + "”不对";
        }
        // Our own checks (Inputs, validate()) are Chinese already; picocli's rare others pass through.
        return message;
    }

    private static String describe(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        if (arg instanceof PositionalParamSpec positional) {
            return positional.paramLabel();
        }
        return String.valueOf(arg);
    }

    private static String helpHint(CommandLine command) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = command; c != null && c.getParent() != null; c = c.getParent()) {
            names.add(0, c.getCommandName());
        }
        return "用法见：" + String.join(" ", names) + (names.isEmpty() ? "" : " ") + "--help";
    }

    /**
     * {@code --spring.datasource.url=…}, {@code --pipeline.inbox=…}: a dotted key with a value is a
     * Spring Boot property, the usual way to override configuration for one run.
     */
    static boolean isSpringSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "；");
    }

    /** The deepest cause that says something: the outer exceptions of a failed start-up only wrap it. */
    private static String messageOf(Throwable exception) {
        String message = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
