package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export masters} and {@code export lineage}. */
public final class MasterExportCommands {

    private MasterExportCommands() {
    }

    @Command(name = "masters", description = "主记录及其字段（社区工作者的身份证号只以掩码形式导出）。")
    public static class Masters extends ApplicationCommand {
        @Option(names = "--kind", required = true, paramLabel = "org|worker", description = "org 或 worker")
        Kind kind;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "输出 CSV")
        Path out;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
            int rows = context.getBean(MasterExports.class).masters(kind.name(), out);
            printer.printf("已导出 %d 条主记录到 %s%n", rows, out);
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "lineage", description = "master_id,file,sheet,row：每条主记录由哪些来源行组成。")
    public static class Lineage extends ApplicationCommand {
        @Option(names = "--kind", required = true, paramLabel = "org|worker", description = "org 或 worker")
        Kind kind;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "输出 CSV")
        Path out;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
            int rows = context.getBean(MasterExports.class).lineage(kind.name(), out);
            printer.printf("已导出 %d 行来源关系到 %s%n", rows, out);
            return CommandLineFrame.DONE;
        }
    }

    /** The two kinds of master, as operations.md spells them. */
    enum Kind { org, worker }
}
