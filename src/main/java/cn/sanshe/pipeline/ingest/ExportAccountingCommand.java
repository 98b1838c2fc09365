package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "accounting", description = {"每个文件、每个工作表的行数核对：读取 = 入库 + 退回 + 跳过。",
    "列：file,sha256,unit,period,template,sheet,rows_read,rows_loaded,rows_rejected,rows_skipped,status,note"})
public class ExportAccountingCommand extends ApplicationCommand {

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "输出 CSV（UTF-8，带BOM）")
    Path out;

    @Override
    protected void validate() {
        Inputs.outputFile(spec, out, "csv");
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
        int lines = context.getBean(AccountingExport.class).write(out);
        printer.printf("已导出 %d 行到 %s%n", lines, out);
        return CommandLineFrame.DONE;
    }
}
