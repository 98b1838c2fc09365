package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.exports.CsvExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
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

        /** The columns as people read them: Chinese headers, names beside codes. */
        abstract List<Column> columns(Names names);

        /** One item on the screen: a first line to find it by, the evidence indented below. */
        abstract String screen(Map<String, Object> item, Names names);

        @Override
        protected void validate() {
            Inputs.outputFile(spec, out, "csv");
            Inputs.code(spec, "--district", district, 6);
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
            List<Map<String, Object>> rows = items(context);
            Names names = new Names(context.getBean(Places.class), context.getBean(MessageSource.class));
            if (out == null) {
                rows.forEach(row -> printer.println(screen(row, names)));
                printer.println("共 " + rows.size() + " 条。");
                return CommandLineFrame.DONE;
            }
            List<Column> columns = columns(names);
            try (CsvExport csv = CsvExport.create(out)) {
                csv.header(columns.stream().map(Column::header).toList());
                for (Map<String, Object> row : rows) {
                    csv.row(columns.stream().map(column -> (Object) column.value().apply(row)).toList());
                }
            }
            printer.println("已写入 " + rows.size() + " 条到 " + out);
            return CommandLineFrame.DONE;
        }
    }

    /** A column of a list written as CSV: its header and how a row gives its value. */
    record Column(String header, Function<Map<String, Object>, Object> value) {

        static Column of(String header, String key) {
            return new Column(header, row -> row.get(key));
        }
    }

    /** Names for the codes of a list: districts and communities from the reference, conflict kinds from the messages. */
    record Names(Places places, MessageSource messages) {

        String district(Map<String, Object> row) {
            return places.name(String.valueOf(row.get("district_code")));
        }

        String kind(Map<String, Object> row) {
            String kind = String.valueOf(row.get("kind"));
            return messages.getMessage("kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE);
        }
    }

    private static String masterKind(Map<String, Object> row) {
        return "org".equals(row.get("master_kind")) ? "社会组织" : "社区工作者";
    }

    @Command(name = "list", description = "待判断的疑似重复（分数从高到低）。")
    static class ReviewList extends OpenItems {
        @Override
        List<Map<String, Object>> items(ConfigurableApplicationContext context) {
            return context.getBean(Reviews.class).open(district);
        }

        @Override
        List<Column> columns(Names names) {
            return List.of(Column.of("编号", "id"), Column.of("区县代码", "district_code"),
                    new Column("区县", names::district), Column.of("主记录A", "master_a"),
                    Column.of("名称A", "name_a"), Column.of("主记录B", "master_b"), Column.of("名称B", "name_b"),
                    Column.of("相似分数", "score"), Column.of("依据", "evidence"));
        }

        @Override
        String screen(Map<String, Object> row, Names names) {
            return "疑似重复 " + row.get("id") + "  " + names.district(row) + "  分数 " + row.get("score")
                    + "  主记录 " + row.get("master_a") + "「" + row.get("name_a") + "」 ↔ 主记录 " + row.get("master_b")
                    + "「" + row.get("name_b") + "」" + System.lineSeparator() + "    " + row.get("evidence");
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

    @Command(name = "list", description = "待处理的冲突：编号、冲突、区县、月份、主记录、说明。")
    static class ConflictList extends OpenItems {
        @Override
        List<Map<String, Object>> items(ConfigurableApplicationContext context) {
            return context.getBean(Conflicts.class).open(district);
        }

        @Override
        List<Column> columns(Names names) {
            return List.of(Column.of("编号", "id"), new Column("冲突", names::kind), Column.of("统计月份", "period"),
                    new Column("对象", StewardCommands::masterKind), Column.of("主记录", "master_id"),
                    Column.of("区县代码", "district_code"), new Column("区县", names::district),
                    Column.of("说明", "detail"));
        }

        @Override
        String screen(Map<String, Object> row, Names names) {
            return "冲突 " + row.get("id") + "  " + names.kind(row) + "  " + names.district(row) + "  "
                    + row.get("period") + "  " + masterKind(row) + "主记录 " + row.get("master_id")
                    + System.lineSeparator() + "    " + names.places().withNames(String.valueOf(row.get("detail")));
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
}
