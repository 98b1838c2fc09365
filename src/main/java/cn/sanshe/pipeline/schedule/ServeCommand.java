package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.monitor.HealthReport;
import java.io.PrintWriter;
import java.util.List;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = {"运行调度器和网页控制台，直到进程收到停止信号（Ctrl-C、systemctl stop）。",
    "可在多台机器上各运行一个，共用一个数据库：每次到点只在一个节点上运行，一个节点停止后其他节点接手。",
    "控制台默认只在本机 127.0.0.1 上监听；对外提供请放在带 TLS 的反向代理之后（见 README）。"})
public class ServeCommand extends ApplicationCommand {

    @Option(names = "--port", paramLabel = "PORT", description = "控制台端口（默认 8080）")
    Integer port;

    @Option(names = "--address", paramLabel = "ADDRESS", description = "控制台监听地址（默认 127.0.0.1，仅本机）")
    String address;

    @Override
    protected WebApplicationType webApplicationType() {
        return WebApplicationType.SERVLET;
    }

    @Override
    protected List<String> springSettings() {
        List<String> settings = new java.util.ArrayList<>();
        if (port != null) {
            settings.add("--server.port=" + port);
        }
        if (address != null) {
            settings.add("--server.address=" + address);
        }
        return settings;
    }

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
        org.springframework.core.env.Environment env = context.getEnvironment();
        String host = env.getProperty("server.address", "127.0.0.1");
        out.println("控制台：http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + env.getProperty("local.server.port", env.getProperty("server.port", "8080")) + "/");
        out.flush();
        // The shutdown hook closes the context on SIGTERM; the scheduler stops with it.
        while (context.isActive()) {
            Thread.sleep(1000);
        }
        return CommandLineFrame.DONE;
    }
}
