package cn.sanshe.pipeline.reference;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "divisions", mixinStandardHelpOptions = true, description = "区划参照表。",
        subcommands = DivisionsCommand.Load.class)
public class DivisionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：load");
    }

    @Command(name = "load", description = {"加载区划参照 CSV（UTF-8，表头 code,name,level,parent_code,urban_rural）。",
        "整个文件先校验：代码位数、级别、上级代码、重复代码；有任何错误则整个文件不加载，并按行列出原因。"})
    static class Load extends ApplicationCommand {

        @Parameters(paramLabel = "FILE", description = "区划 CSV 文件")
        Path file;

        @Override
        protected void validate() {
            Inputs.existingFile(spec, file, "区划文件");
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
            DivisionLoader.Result result = context.getBean(DivisionLoader.class).load(file);
            if (result.outcome().succeeded()) {
                out.printf("已加载 %s；区划表现有 %d 个单位。%n", file, result.divisionsInReference());
            } else {
                result.problems().forEach(out::println);
                out.println(result.outcome().describe());
            }
            return exitStatus(result.outcome().succeeded());
        }
    }
}
