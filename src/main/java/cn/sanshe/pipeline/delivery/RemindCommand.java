package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.Inputs;
import cn.sanshe.pipeline.cli.UsageException;
import java.io.PrintWriter;
import java.time.YearMonth;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "remind", description = {
    "催报：给月末后若干天仍未报送 S1–S4 的街道的联系人发一封邮件，列出该月所有未报的表。",
    "每个街道每月每位联系人只发一次（发送日志），重复运行不重发；没有联系人的街道列出并告知运维。",
    "配置见 jobs/reminders.yml；不带 --period 时查看最近几个月（pipeline.reminders.months）。"})
public class RemindCommand extends ApplicationCommand {

    @Option(names = "--period", paramLabel = "yyyy-MM", description = "只催报这个月份")
    String period;

    @Option(names = "--dry-run", description = "只列出将催报谁、已催报过谁、谁没有联系人，不发送")
    boolean dryRun;

    @Option(names = "--resend-uncertain", description = {"先把该月上次在与邮件服务器交接时中断、无法确定是否送达的催报标为可重发",
        "（仅在确认对方未收到后使用；须同时给出 --period）"})
    boolean resendUncertain;

    @Override
    protected void validate() {
        Inputs.period(spec, "--period", period, false);
        if (resendUncertain && period == null) {
            throw new ParameterException(spec.commandLine(), "--resend-uncertain 须同时给出 --period yyyy-MM");
        }
        if (resendUncertain && dryRun) {
            throw new ParameterException(spec.commandLine(), "--resend-uncertain 与 --dry-run 不能同时使用");
        }
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        Reminders reminders = context.getBean(Reminders.class);
        YearMonth month = period == null ? null : YearMonth.parse(period);
        if (month != null) {
            reminders.notYet(month).ifPresent(why -> {
                throw new UsageException(why);
            });
        }
        if (dryRun) {
            out.println("仅预览，不发送（北京时间 " + reminders.today() + "）：");
            reminders.dryRun(month).forEach(out::println);
            return exitStatus(true);
        }
        if (resendUncertain) {
            out.println("允许重发的不确定催报：" + reminders.releaseUncertain(month) + " 封");
        }
        Reminders.Run run = reminders.run(month);
        run.lines().forEach(out::println);
        out.println(run.outcome().describe());
        return exitStatus(run.outcome().succeeded());
    }
}
