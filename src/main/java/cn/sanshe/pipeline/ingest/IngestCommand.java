package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", description = {"入库：收件箱中所有未处理过的文件（<yyyy-MM>/<单位代码>/<文件>）。",
    "按内容（SHA-256）识别文件，同一内容不会入库两次；更正后重报的文件替换同单位、同月份、同模板的前一份。"})
public class IngestCommand extends ApplicationCommand {

    @Option(names = "--inbox", paramLabel = "DIR", description = "收件箱（默认为配置的 pipeline.inbox）")
    Path inbox;

    @Option(names = "--period", paramLabel = "yyyy-MM", description = "只处理这个月份的文件夹")
    YearMonth period;

    @Override
    protected void validate() {
        Inputs.existingFolder(spec, inbox, "收件箱");
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        IngestRun.Result result = context.getBean(IngestRun.class).inbox(inbox, period);
        result.summary().forEach(out::println);
        out.println(result.outcome().describe());
        return exitStatus(result.outcome().succeeded());
    }
}
