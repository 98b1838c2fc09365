package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export masters} and {@code export lineage}. */
public final class MasterExportCommands {

    private MasterExportCommands() {
    }

    /** The two kinds of master, as operations.md spells them. */
    enum Kind { org, worker }

    abstract static class KindExport extends ApplicationCommand {
        @Option(names = "--kind", required = true, paramLabel = "org|worker", description = "org 或 worker")
        Kind kind;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "输出 CSV")
        Path out;

        abstract int export(MasterExports exports) throws IOException;

        @Override
        protected void validate() {
            Inputs.outputFile(spec, out, "csv");
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
            int rows = export(context.getBean(MasterExports.class));
            printer.printf("已导出 %d 行到 %s%n", rows, out);
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "masters", description = "主记录及其字段（社区工作者的身份证号只以掩码形式导出）。")
    public static class Masters extends KindExport {
        @Override
        int export(MasterExports exports) throws IOException {
            return exports.masters(kind.name(), out);
        }
    }

    @Command(name = "lineage", description = "master_id,file,sheet,row：每条主记录由哪些来源行组成。")
    public static class Lineage extends KindExport {
        @Override
        int export(MasterExports exports) throws IOException {
            return exports.lineage(kind.name(), out);
        }
    }
}
