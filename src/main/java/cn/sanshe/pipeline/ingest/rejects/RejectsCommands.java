package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export rejects} and {@code import corrections}. */
public final class RejectsCommands {

    private RejectsCommands() {
    }

    @Command(name = "rejects", description = {"导出待更正的退回记录（.xlsx 可直接修改后用 import corrections 交回；.csv 供查看）。",
        "每个模板一个工作表，列出退回原因、原文件和行号；以 = + - @ 开头的内容不会被表格软件当作公式。"})
    public static class Export extends ApplicationCommand {

        @Option(names = "--unit", paramLabel = "CODE", description = "只导出该街道（9位）或区县（6位）的记录")
        String unit;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx|FILE.csv", description = "输出文件")
        Path out;

        @Override
        protected void validate() {
            Inputs.outputFile(spec, out, "xlsx", "csv");
            Inputs.code(spec, "--unit", unit, 9, 6);
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
            int rows = context.getBean(RejectsExport.class).write(out, unit);
            printer.printf("已导出 %d 条待更正记录到 %s%n", rows, out);
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "corrections", description = "交回更正后的退回记录工作簿：重新校验，正确的入库，仍有错误的保留并更新原因。")
    public static class Import extends ApplicationCommand {

        @Parameters(paramLabel = "FILE.xlsx", description = "export rejects 导出并改好的工作簿")
        Path workbook;

        @Override
        protected void validate() {
            Inputs.existingFile(spec, workbook, "更正后的工作簿");
            String name = workbook.getFileName().toString().toLowerCase();
            if (!name.endsWith(".xlsx")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "应交回 export rejects 导出的 .xlsx 工作簿，实为“" + workbook.getFileName() + "”");
            }
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
            CorrectionsImport.Result result = context.getBean(CorrectionsImport.class).read(workbook);
            result.problems().forEach(out::println);
            out.printf("更正入库 %d 行，仍有错误 %d 行，未改动 %d 行，非待更正记录 %d 行。%n", result.loaded(),
                    result.stillWrong(), result.unchanged(), result.notOpen());
            return CommandLineFrame.DONE;
        }
    }
}
