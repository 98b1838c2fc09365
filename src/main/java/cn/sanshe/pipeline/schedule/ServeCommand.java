package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.monitor.HealthReport;
import java.io.PrintWriter;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "serve", description = {"运行调度器，直到进程收到停止信号（Ctrl-C、systemctl stop）。",
    "可在多台机器上各运行一个，共用一个数据库：每次到点只在一个节点上运行，一个节点停止后其他节点接手。"})
public class ServeCommand extends ApplicationCommand {

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        Schedules schedules = context.getBean(Schedules.class);
        schedules.sync();
        Scheduler scheduler = context.getBean(Scheduler.class);
        scheduler.start();
        out.println("调度器已启动：节点 " + scheduler.getSchedulerInstanceId());
        for (Schedules.Row row : schedules.list()) {
            out.printf("  %-18s %-18s %-8s 下次 %s%n", row.name(), row.cron(), row.state(),
                    ScheduleCommand.format(row.next()));
        }
        out.println("健康检查：");
        context.getBean(HealthReport.class).lines().forEach(line -> out.println("  " + line));
        out.flush();
        // The shutdown hook closes the context on SIGTERM; the scheduler stops with it.
        while (context.isActive()) {
            Thread.sleep(1000);
        }
        return CommandLineFrame.DONE;
    }
}
