package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest-file", description = "手工入库一个文件，给出统计月份和报送单位。")
public class IngestFileCommand extends ApplicationCommand {

    @Parameters(paramLabel = "FILE", description = ".xlsx、.xls 或 .csv 文件")
    Path file;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", description = "统计月份")
    YearMonth period;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "报送单位代码：街道9位，区县6位")
    String unit;

    @Override
    protected void validate() {
        Inputs.existingFile(spec, file, "文件");
        Inputs.code(spec, "--unit", unit, 9, 6);
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        IngestRun.Result result = context.getBean(IngestRun.class).file(file, period, unit);
        result.summary().forEach(out::println);
        out.println(result.outcome().describe());
        return exitStatus(result.outcome().succeeded());
    }
}
