package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.exports.CsvExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code review}, {@code unmerge} and {@code conflicts}: the stewards' commands until the console exists. */
public final class StewardCommands {

    private StewardCommands() {
    }

    /** Options every decision takes. */
    static class Decision {
        @Option(names = "--reason", required = true, description = "理由（记录在决定日志中）")
        String reason;

        @Option(names = "--by", description = "决定人（默认当前操作系统用户）")
        String by = System.getProperty("user.name");
    }

    @Command(name = "review", mixinStandardHelpOptions = true, description = "疑似重复的社会组织：列出、合并、确认不是同一组织。",
            subcommands = {ReviewList.class, ReviewMerge.class, ReviewApart.class})
    public static class Review implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "缺少子命令：list、merge 或 apart");
        }
    }

    /** A list of open items, on the screen or as CSV. */
    abstract static class OpenItems extends ApplicationCommand {
        @Option(names = "--district", paramLabel = "CODE", description = "只看这个区县（6位）")
        String district;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "写入 CSV 而不是屏幕")
        Path out;

        abstract List<Map<String, Object>> items(ConfigurableApplicationContext context);

        @Override
        protected void validate() {
            Inputs.outputFile(spec, out, "csv");
            Inputs.code(spec, "--district", district, 6);
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
            return print(items(context), out, printer);
        }
    }

    @Command(name = "list", description = "待判断的疑似重复（分数从高到低）。")
    static class ReviewList extends OpenItems {
        @Override
        List<Map<String, Object>> items(ConfigurableApplicationContext context) {
            return context.getBean(Reviews.class).open(district);
        }
    }

    @Command(name = "merge", description = "确认是同一组织：较新的主记录并入较早的。")
    static class ReviewMerge extends ApplicationCommand {
        @Parameters(paramLabel = "ID", description = "疑似重复编号")
        long id;

        @picocli.CommandLine.Mixin
        Decision decision = new Decision();

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            context.getBean(Reviews.class).merge(id, decision.by, decision.reason);
            out.println("已合并疑似重复 " + id + "。");
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "apart", description = "确认不是同一组织：以后不再合并。")
    static class ReviewApart extends ApplicationCommand {
        @Parameters(paramLabel = "ID", description = "疑似重复编号")
        long id;

        @picocli.CommandLine.Mixin
        Decision decision = new Decision();

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            context.getBean(Reviews.class).apart(id, decision.by, decision.reason);
            out.println("已确认疑似重复 " + id + " 不是同一组织。");
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "unmerge", mixinStandardHelpOptions = true, description = "把错误合并的行从主记录中拆出，成为新的主记录。")
    public static class UnmergeRows extends ApplicationCommand {
        @Parameters(paramLabel = "MASTER_ID", description = "社会组织主记录编号")
        long masterId;

        @Option(names = "--rows", required = true, split = ",", paramLabel = "FILE:SHEET:ROW",
                description = "要拆出的来源行：文件（相对收件箱）:工作表:行号，逗号分隔")
        List<String> rows;

        @picocli.CommandLine.Mixin
        Decision decision = new Decision();

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            long created = context.getBean(Unmerge.class).orgRows(masterId,
                    rows.stream().map(Unmerge.RowRef::parse).toList(), decision.by, decision.reason);
            out.println("已拆出为新的主记录 " + created + "。");
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true, description = "跨来源冲突：列出、选择正确的值。",
            subcommands = {ConflictList.class, ConflictResolve.class})
    public static class ConflictsCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "缺少子命令：list 或 resolve");
        }
    }

    @Command(name = "list", description = "待处理的冲突：kind, period, master_id, detail。")
    static class ConflictList extends OpenItems {
        @Override
        List<Map<String, Object>> items(ConfigurableApplicationContext context) {
            return context.getBean(Conflicts.class).open(district);
        }
    }

    @Command(name = "resolve", description = {"选择正确的值处理冲突：两个社区 → 选社区代码；",
        "注销仍列为活动 → 选 正常/注销/撤销；其他冲突记录选择并关闭。"})
    static class ConflictResolve extends ApplicationCommand {
        @Parameters(paramLabel = "ID", description = "冲突编号")
        long id;

        @Option(names = "--choose", required = true, paramLabel = "VALUE", description = "选择的值")
        String value;

        @picocli.CommandLine.Mixin
        Decision decision = new Decision();

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            context.getBean(Conflicts.class).resolve(id, value, decision.by, decision.reason);
            out.println("冲突 " + id + " 已处理。");
            return CommandLineFrame.DONE;
        }
    }

    private static int print(List<Map<String, Object>> rows, Path out, PrintWriter printer) throws IOException {
        if (out == null) {
            rows.forEach(row -> printer.println(row.values().stream().map(String::valueOf)
                    .reduce((a, b) -> a + "  " + b).orElse("")));
            printer.println("共 " + rows.size() + " 条。");
            return CommandLineFrame.DONE;
        }
        try (CsvExport csv = CsvExport.create(out)) {
            if (!rows.isEmpty()) {
                csv.header(List.copyOf(rows.get(0).keySet()));
            }
            for (Map<String, Object> row : rows) {
                csv.row(List.copyOf(row.values()));
            }
        }
        printer.println("已写入 " + rows.size() + " 条到 " + out);
        return CommandLineFrame.DONE;
    }
}
