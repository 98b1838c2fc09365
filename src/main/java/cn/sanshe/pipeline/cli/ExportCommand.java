package cn.sanshe.pipeline.cli;

import cn.sanshe.pipeline.ingest.ExportAccountingCommand;
import cn.sanshe.pipeline.ingest.rejects.RejectsCommands;
import cn.sanshe.pipeline.reconcile.MasterExportCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "导出数据：入库核对、退回记录、主记录、来源关系。",
        subcommands = {ExportAccountingCommand.class, RejectsCommands.Export.class, MasterExportCommands.Masters.class,
            MasterExportCommands.Lineage.class})
public class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：accounting、rejects、masters 或 lineage");
    }
}
