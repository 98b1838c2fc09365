package cn.sanshe.pipeline.cli;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.system.WorkingDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Override
    public final Integer call() throws Exception {
        validate();
        PipelineCommand root = (PipelineCommand) spec.root().userObject();
        WorkingDirectory.check(Path.of(""), root.springArguments());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(root.springArguments().toArray(String[]::new))) {
            return run(context, spec.commandLine().getOut());
        }
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
