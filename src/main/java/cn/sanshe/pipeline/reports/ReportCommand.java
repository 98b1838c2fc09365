package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "report", description = {"生成监测报表：月报（--period yyyy-MM）或年报（--period yyyy），",
    "统计范围为全国（000000000000）、一个省、市或区（--scope 区划代码）；PDF 旁写出同样数字的 kpis.json 和 kpis.csv。"})
public class ReportCommand extends ApplicationCommand {

    private String period;
    private String scope;

    @Option(names = "--period", paramLabel = "yyyy-MM|yyyy", description = "月报的月份或年报的年份")
    void period(String value) {
        if (!value.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
            throw new ParameterException(spec.commandLine(), "--period 应为 yyyy-MM（月报）或 yyyy（年报）：" + value);
        }
        period = value;
    }

    @Option(names = "--scope", paramLabel = "CODE",
            description = "全国（000000000000）、省、市或区的区划代码（12位，或省2位、市4位、区6位）")
    void scope(String value) {
        if (!value.matches("\\d{2}|\\d{4}|\\d{6}|\\d{12}") || "00".equals(value)) {
            throw new ParameterException(spec.commandLine(), "--scope 应为全国、省、市或区的区划代码：" + value);
        }
        scope = value;
    }

    @Option(names = "--profile", paramLabel = "NAME",
            description = "目标口径（如 shijiazhuang-2020、gansu-2015）；缺省为 pipeline.report.profile")
    String profile;

    @Option(names = "--from-runs", split = ",", paramLabel = "ID",
            description = "按已存的指标计算重新生成（report 打印的编号：月报为本月、上月2个，年报为上年12月及当年各月），数字与附件与当时完全相同")
    List<Long> fromRuns;

    @Option(names = "--out", paramLabel = "DIR", description = "输出文件夹；缺省为 <pipeline.reports>/<期间>/<区划代码>/")
    Path out;

    /** Started lazily like the read-only commands: a render needs no scheduler, job definitions, mail or web layer. */
    @Override
    protected List<String> springSettings() {
        return readOnly();
    }

    @Override
    protected void validate() {
        if (fromRuns == null && (period == null || scope == null)) {
            throw new ParameterException(spec.commandLine(), "需要 --period 和 --scope，或 --from-runs");
        }
        if (fromRuns != null && (period != null || scope != null || profile != null)) {
            throw new ParameterException(spec.commandLine(), "--from-runs 不与 --period、--scope、--profile 同用：编号已定了它们");
        }
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) {
        RenderedReport report;
        if (fromRuns != null) {
            report = context.getBean(ReportService.class).rerender(fromRuns, this.out);
        } else {
            String code12 = (scope + "000000000000").substring(0, 12);
            report = context.getBean(ReportRenderer.class).render(new ReportRequest(period, code12, profile, this.out));
        }
        // The profile as leaders know it (石家庄市"三社联动"实施意见（2020年目标）); its code is for --profile.
        out.println(report.title() + (report.profile() == null ? "（未对照目标）"
                : "（目标口径：" + context.getBean(TargetProfiles.class).title(report.profile()) + "，--profile "
                        + report.profile() + "）"));
        out.println("PDF：" + report.pdf().toAbsolutePath().normalize());
        out.println("数据：" + report.kpisJson().toAbsolutePath().normalize() + "，"
                + report.kpisCsv().toAbsolutePath().normalize());
        out.println("指标计算编号：" + report.runIds());
        return exitStatus(true);
    }
}
