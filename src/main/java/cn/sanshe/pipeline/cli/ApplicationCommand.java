package cn.sanshe.pipeline.cli;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.system.WorkingDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command whose work needs the application (database, migrations, jobs): the application is
 * started for it with the run's Spring settings and closed when the work is done.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class ApplicationCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private static final AtomicInteger STARTS = new AtomicInteger();

    @Override
    public final Integer call() throws Exception {
        validate();
        PipelineCommand root = (PipelineCommand) spec.root().userObject();
        try {
            WorkingDirectory.check(Path.of(""), root.springArguments());
        } catch (IllegalStateException wrongPlace) {
            throw new UsageException(wrongPlace.getMessage());   // run from the wrong folder: wrong usage, exit 2
        }
        STARTS.incrementAndGet();
        java.util.List<String> arguments = new java.util.ArrayList<>(root.springArguments());
        arguments.addAll(0, springSettings());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(webApplicationType())
                .run(arguments.toArray(String[]::new))) {
            return run(context, spec.commandLine().getOut());
        }
    }

    /** The {@code --key=value} Spring settings given on this command line. */
    protected List<String> springArguments() {
        return ((PipelineCommand) spec.root().userObject()).springArguments();
    }

    /** How many times a command of this JVM started the application (and so the database): tests assert on it. */
    public static int applicationStarts() {
        return STARTS.get();
    }

    /** Commands are not web servers, except {@code serve}, which also runs the console. */
    protected WebApplicationType webApplicationType() {
        return WebApplicationType.NONE;
    }

    /**
     * The settings of a command that only reads (or, as {@code report}, needs none of the scheduler,
     * jobs, mail and web layer): the application starts lazily, so only the beans its work needs are
     * made, and a schema whose migrations are all applied is not validated again
     * ({@code system/ReadOnlyStart}). {@code -Dpipeline.eager=true} turns both off (the command-start
     * benchmark's "before").
     */
    protected static List<String> readOnly() {
        return Boolean.getBoolean("pipeline.eager") ? List.of()
                : List.of("--spring.main.lazy-initialization=true", "--pipeline.read-only-start=true");
    }

    /** Spring settings the command's own options make (before those given on the command line, which win). */
    protected java.util.List<String> springSettings() {
        return java.util.List.of();
    }

    /**
     * Checks of the options together, before anything starts; throws picocli's
     * {@code ParameterException} for wrong usage (exit status 2).
     */
    protected void validate() {
    }

    /** The command's work; returns the exit status. */
    protected abstract int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception;

    protected static int exitStatus(boolean succeeded) {
        return succeeded ? CommandLineFrame.DONE : CommandLineFrame.FAILED;
    }
}
