package cn.sanshe.pipeline.indicators.explain;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.indicators.Explain;
import cn.sanshe.pipeline.indicators.Indicator;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "explain", description = {"一个数字的来历：指标 → 各单位的分子分母 → 计入的主数据记录 → 它们的来源行（文件、工作表、行、月份）。",
    "与控制台“数字的来历”页面相同；写成一个 CSV（UTF-8 带 BOM，Excel 可直接打开）。"})
public class ExplainCommand extends ApplicationCommand {

    @Option(names = "--indicator", required = true, paramLabel = "ID", description = "指标（metrics.md），如 ORG_COUNT、STF_PROFESSIONALS")
    String indicator;

    @Option(names = "--variant", paramLabel = "V", description = "分项（默认第一个，如 all）")
    String variant;

    @Option(names = "--scope", required = true, paramLabel = "CODE", description = "范围：12位区划代码（市、区县、街道）")
    String scope;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", description = "月份")
    String period;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "写出的 CSV 文件")
    Path out;

    @Override
    protected void validate() {
        try {
            YearMonth.parse(period);
        } catch (RuntimeException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--period 须为 yyyy-MM：" + period);
        }
        if (!scope.matches("\\d{12}")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scope 须为12位区划代码：" + scope);
        }
        try {
            Explain.variant(Explain.indicator(indicator), variant);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter console) throws Exception {
        Explain explain = context.getBean(Explain.class);
        Indicator which = Explain.indicator(indicator);
        YearMonth month = YearMonth.parse(period);
        String profile = explain.profileOf(scope, period);
        Explain.Drill drill = explain.units(scope, month, profile, which, variant);
        int records = write(explain, drill, month, out);
        console.printf("%s %s %s：数值 %s，分子 %s，分母 %s；%d 个单位，%d 条记录 → %s%n", drill.scopeName(), period,
                which.chineseName(), plain(drill.figure().value()), plain(drill.figure().numerator()),
                plain(drill.figure().denominator()), drill.units().size(), records, out.toAbsolutePath().normalize());
        return CommandLineFrame.DONE;
    }

    /** One CSV: a line for the figure, one per unit, one per record counted, one per source row. */
    static int write(Explain explain, Explain.Drill drill, YearMonth month, Path out) throws Exception {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        int records = 0;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            csv.printRecord("level", "indicator", "variant", "period", "unit_code", "unit_name", "value", "numerator",
                    "denominator", "record_kind", "record_id", "record_name", "in_numerator", "in_denominator",
                    "template", "file", "sheet", "row", "row_period");
            String id = drill.indicator().id();
            csv.printRecord("figure", id, drill.variant(), drill.period(), drill.scope(), drill.scopeName(),
                    plain(drill.figure().value()), plain(drill.figure().numerator()), plain(drill.figure().denominator()),
                    "", "", "", "", "", "", "", "", "", "");
            for (Explain.UnitFigure unit : drill.units()) {
                csv.printRecord("unit", id, drill.variant(), drill.period(), unit.code(), unit.name(), plain(unit.value()),
                        plain(unit.numerator()), plain(unit.denominator()), "", "", "", "", "", "", "", "", "", "");
                List<Explain.Counted> counted = explain.records(drill.scope(), month, drill.profile(), drill.indicator(),
                        drill.variant(), unit.code(), unit.own());
                for (Explain.Counted c : counted) {
                    records++;
                    String kind = c.kind().name().toLowerCase();
                    csv.printRecord("record", id, drill.variant(), drill.period(), unit.code(), unit.name(), "", "", "",
                            kind, c.id(), c.name(), c.inNumerator(), c.inDenominator(), "", "", "", "", "");
                    for (Explain.SourceRow row : explain.sources(c.kind(), c.id())) {
                        csv.printRecord("source", id, drill.variant(), drill.period(), unit.code(), unit.name(), "", "",
                                "", kind, c.id(), c.name(), "", "", row.template(), row.file(), row.sheet(), row.row(),
                                row.period());
                    }
                }
            }
        }
        return records;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
