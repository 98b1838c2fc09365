package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.io.PrintWriter;
import java.time.YearMonth;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reconcile", description = {"主数据：把各来源的社会组织和社区工作者合并为每个真实对象一条主记录，",
    "疑似重复交人工判断，跨来源冲突交数据管理员处理。重复运行不会改变已有结果。"})
public class ReconcileCommand extends ApplicationCommand {

    @Option(names = "--period", paramLabel = "yyyy-MM", description = "记录在作业参数中的月份")
    YearMonth period;

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        ReconcileRun reconcile = context.getBean(ReconcileRun.class);
        JobOutcome outcome = reconcile.run(period);
        if (outcome.succeeded()) {
            reconcile.summary().forEach(out::println);
        }
        out.println(outcome.describe());
        return exitStatus(outcome.succeeded());
    }
}
