package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deliver", description = {"把该期各版看板（jobs/editions.yml）发给收件人，每人每期只发一次；",
    "已发过的不再发，重复运行只补发缺少的。未配置 spring.mail.host 时写入发件箱（.eml）。"})
public class DeliverCommand extends ApplicationCommand {

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM|yyyy", description = "报告期：月报 yyyy-MM，年报 yyyy")
    String period;

    @Option(names = "--resend-uncertain", description = {"先把上次在与邮件服务器交接时中断、无法确定是否送达的邮件标为可重发",
        "（仅在确认收件人未收到后使用）"})
    boolean resendUncertain;

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
        JobOutcome outcome = reports.run(period);
        reports.status(period).forEach(out::println);
        out.println(outcome.describe());
        return exitStatus(outcome.succeeded());
    }
}
