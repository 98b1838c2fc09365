package cn.sanshe.pipeline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of every run: splits Spring settings from the command, then lets picocli decide. */
public final class CommandLineFrame {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

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
        CommandLine commandLine = new CommandLine(new PipelineCommand(springArguments));
        commandLine.setOut(out);
        commandLine.setErr(err);
        // picocli answers wrong usage with 2 and a failed command with 1 by default, as operations.md wants.
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            log.error("command {} failed", failedCommand.getCommandName(), exception);
            failedCommand.getErr().println("失败：" + messageOf(exception));
            return FAILED;
        });
        return commandLine.execute(commandArguments.toArray(String[]::new));
    }

    /**
     * {@code --spring.datasource.url=…}, {@code --pipeline.inbox=…}: a dotted key with a value is a
     * Spring Boot property, the usual way to override configuration for one run.
     */
    static boolean isSpringSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }

    private static String messageOf(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
