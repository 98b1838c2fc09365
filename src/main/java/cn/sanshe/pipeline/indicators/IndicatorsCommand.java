package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "indicators", description = {"计算并存储一个月的指标：全国、各省、市、区县（--all-scopes）或指定范围（--scope），",
    "每个范围一个分区（本机线程池，或 pipeline.partitioning.mode=remote 时由 worker 计算）。",
    "之后的月报在数据未变时直接使用这些结果。失败后 jobs restart 只重算失败的范围。"})
public class IndicatorsCommand extends ApplicationCommand {

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", description = "月份")
    YearMonth period;

    @Option(names = "--all-scopes", description = "全国、每个省、市、区县")
    boolean allScopes;

    @Option(names = "--scope", split = ",", paramLabel = "CODE", description = "只算这些范围（区划代码，可重复或用逗号分隔）")
    List<String> scopes;

    @Option(names = "--profile", split = ",", paramLabel = "NAME",
            description = "目标口径，可重复（如 shijiazhuang-2020、gansu-2015）；缺省为 pipeline.report.profile")
    List<String> profiles;

    @Override
    protected void validate() {
        if (allScopes == (scopes != null && !scopes.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "需要 --all-scopes 或 --scope CODE（二者选一）");
        }
        if (scopes != null) {
            for (String scope : scopes) {
                if (!scope.strip().matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
                    throw new ParameterException(spec.commandLine(), "--scope 应为区划代码（2、4、6、9 或 12 位数字），实为“"
                            + scope + "”");
                }
            }
        }
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        IndicatorsRun indicators = context.getBean(IndicatorsRun.class);
        IndicatorsRun.Result result = indicators.run(period, profiles, allScopes ? null : scopes);
        result.summary().forEach(out::println);
        out.println(result.outcome().describe());
        return exitStatus(result.outcome().succeeded());
    }
}
