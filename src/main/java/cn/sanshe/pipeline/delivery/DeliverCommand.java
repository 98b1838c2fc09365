package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deliver", description = {"把已截止一期的各版看板（jobs/editions.yml）发给收件人，每人每期正式版只发一次；",
    "已发过的不再发，重复运行只补发缺少的；已发的数字此后有变时发一次更正版。未截止的一期不发，",
    "除非加 --provisional（预览版，不占用正式版）。未配置 spring.mail.host 时写入发件箱（.eml）。"})
public class DeliverCommand extends ApplicationCommand {

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM|yyyy", description = "报告期：月报 yyyy-MM，年报 yyyy")
    String period;

    @Option(names = "--resend-uncertain", description = {"先把上次在与邮件服务器交接时中断、无法确定是否送达的邮件标为可重发",
        "（仅在确认收件人未收到后使用）"})
    boolean resendUncertain;

    @Option(names = "--provisional", description = {"本期尚未截止时发送预览版（每页及标题标明“预览版·未截止”），",
        "不占用正式版：截止后正式版照常发送"})
    boolean provisional;

    @Override
    protected void validate() {
        Inputs.period(spec, "--period", period, true);
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        ReportRun reports = context.getBean(ReportRun.class);
        if (resendUncertain) {
            out.println("允许重发的不确定邮件：" + reports.releaseUncertain(period) + " 封");
        }
        JobOutcome outcome;
        try {
            outcome = provisional ? reports.runProvisional(period) : reports.run(period);
        } catch (ReportRun.NotFinalException notFinal) {
            out.println(notFinal.getMessage());
            return exitStatus(false);
        }
        reports.status(period).forEach(out::println);
        out.println(outcome.describe());
        return exitStatus(outcome.succeeded());
    }
}
