package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.ingest.template.BlankTemplates;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code templates export --out DIR}: blank workbooks for streets and districts. Needs no database. */
@Command(name = "templates", mixinStandardHelpOptions = true, description = "空白报送模板：街道 S1–S4、区县 D1–D3。",
        subcommands = TemplatesCommand.Export.class)
public class TemplatesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：export");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"写出7个空白模板工作簿（表头、下拉框、代码和日期的数据有效性、填表说明）。",
                "街道填好后放入收件箱 <yyyy-MM>/<街道代码>/，区县放入 <yyyy-MM>/<区县代码>/。"})
    static class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出文件夹（没有则新建）")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new ParameterException(spec.commandLine(), "--out 应为文件夹，“" + out + "”是文件");
            }
            List<Path> files = BlankTemplates.writeAll(TemplateCatalog.standard(), out);
            files.forEach(file -> spec.commandLine().getOut().println(file.toAbsolutePath().normalize()));
            spec.commandLine().getOut().printf("已写出 %d 个空白模板到 %s%n", files.size(),
                    out.toAbsolutePath().normalize());
            return CommandLineFrame.DONE;
        }
    }
}
