package cn.sanshe.pipeline.cli;

import cn.sanshe.pipeline.ingest.rejects.RejectsCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, description = "交回数据：更正后的退回记录。",
        subcommands = RejectsCommands.Import.class)
public class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：corrections");
    }
}
