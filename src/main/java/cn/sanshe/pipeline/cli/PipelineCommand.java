package cn.sanshe.pipeline.cli;

import cn.sanshe.pipeline.console.UsersCommand;
import cn.sanshe.pipeline.delivery.DeliverCommand;
import cn.sanshe.pipeline.delivery.RemindCommand;
import cn.sanshe.pipeline.indicators.IndicatorsCommand;
import cn.sanshe.pipeline.indicators.explain.ExplainCommand;
import cn.sanshe.pipeline.demo.DemoCommand;
import cn.sanshe.pipeline.ingest.IngestCommand;
import cn.sanshe.pipeline.ingest.IngestFileCommand;
import cn.sanshe.pipeline.ingest.TemplatesCommand;
import cn.sanshe.pipeline.jobs.JobsCommand;
import cn.sanshe.pipeline.partition.WorkerCommand;
import cn.sanshe.pipeline.reports.ReportCommand;
import cn.sanshe.pipeline.reconcile.ReconcileCommand;
import cn.sanshe.pipeline.reconcile.steward.StewardCommands;
import cn.sanshe.pipeline.reference.DivisionsCommand;
import cn.sanshe.pipeline.schedule.ScheduleCommand;
import cn.sanshe.pipeline.schedule.ServeCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sanshe-pipeline", mixinStandardHelpOptions = true, version = "sanshe-pipeline 0.1",
        usageHelpAutoWidth = true,
        description = {"三社联动数据整合与报表流水线：街道、区县报送表 → 校验入库 → 主数据 → PDF 看板。",
            "不带命令时运行 demo。Spring 配置可用 --键=值 覆盖，如 --spring.datasource.url=jdbc:mysql://…"},
        subcommands = {DemoCommand.class, DivisionsCommand.class, IngestCommand.class, IngestFileCommand.class,
            ReconcileCommand.class, IndicatorsCommand.class, ExportCommand.class, ImportCommand.class, StewardCommands.Review.class,
            StewardCommands.UnmergeRows.class, StewardCommands.ConflictsCommand.class, ReportCommand.class,
            JobsCommand.class, DeliverCommand.class, ScheduleCommand.class, ServeCommand.class,
            TemplatesCommand.class, UsersCommand.class, WorkerCommand.class, ExplainCommand.class,
            RemindCommand.class},
        footer = {"", "退出码：0 完成，1 作业失败（说明失败步骤、原因和重启命令），2 用法错误。"})
public class PipelineCommand implements Runnable {

    private final List<String> springArguments;

    @Spec
    private CommandSpec spec;

    PipelineCommand(List<String> springArguments) {
        this.springArguments = List.copyOf(springArguments);
    }

    List<String> springArguments() {
        return springArguments;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少命令");
    }
}
