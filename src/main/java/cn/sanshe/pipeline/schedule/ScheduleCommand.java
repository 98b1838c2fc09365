package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"定时计划（Quartz，jobs/schedules.yml，北京时间）：列出、暂停、恢复、立即运行。",
            "暂停与恢复记在共用数据库中，对集群中每个节点都有效。"},
        subcommands = {ScheduleCommand.ListSchedules.class, ScheduleCommand.Pause.class, ScheduleCommand.Resume.class,
            ScheduleCommand.Trigger.class})
public class ScheduleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：list、pause、resume 或 trigger");
    }

    /** Every subcommand first brings the store in line with jobs/schedules.yml. */
    abstract static class ScheduleWork extends ApplicationCommand {

        @Override
        protected final int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
            Schedules schedules = context.getBean(Schedules.class);
            schedules.sync();
            return work(schedules, out);
        }

        abstract int work(Schedules schedules, PrintWriter out) throws Exception;
    }

    @Command(name = "list", description = "各计划的 cron、状态、下次与上次运行时间、最近一次结果，以及集群节点。")
    static class ListSchedules extends ScheduleWork {

        /** Read-only: started lazily, as {@code jobs list} (-Dpipeline.eager=true turns it off). */
        @Override
        protected java.util.List<String> springSettings() {
            return readOnly();
        }

        @Override
        int work(Schedules schedules, PrintWriter out) throws Exception {
            out.printf("%-18s %-18s %-18s %-8s %-6s %-19s %-19s %s%n", "计划", "任务", "cron", "状态", "重叠",
                    "下次运行", "上次运行", "最近结果");
            for (Schedules.Row row : schedules.list()) {
                out.printf("%-18s %-18s %-18s %-8s %-6s %-19s %-19s %s%n", row.name(), row.task(), row.cron(),
                        row.state(), row.overlap(), format(row.next()), format(row.previous()), row.lastOutcome());
            }
            out.println("调度节点：");
            schedules.nodes().forEach(node -> out.printf("  %s  最后签到 %s  %s%n", node.instance(),
                    format(node.lastCheckin()), node.alive() ? "在线" : "离线"));
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "pause", description = "暂停一个计划（到点不再运行，直到 resume）。")
    static class Pause extends ScheduleWork {

        @Parameters(paramLabel = "NAME", description = "计划名（schedule list）")
        String name;

        @Override
        int work(Schedules schedules, PrintWriter out) throws Exception {
            schedules.pause(name);
            out.println("已暂停计划 " + name + "。");
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "resume", description = "恢复一个计划；暂停期间错过的运行按该计划的 misfire 设置处理（补跑一次或跳过）。")
    static class Resume extends ScheduleWork {

        @Parameters(paramLabel = "NAME", description = "计划名（schedule list）")
        String name;

        @Override
        int work(Schedules schedules, PrintWriter out) throws Exception {
            schedules.resume(name);
            out.println("已恢复计划 " + name + "。");
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "trigger", description = "请求立即运行一个计划，由运行 serve 的节点执行（不与正在进行的运行重叠）。")
    static class Trigger extends ScheduleWork {

        @Parameters(paramLabel = "NAME", description = "计划名（schedule list）")
        String name;

        @Override
        int work(Schedules schedules, PrintWriter out) throws Exception {
            schedules.trigger(name);
            boolean served = schedules.nodes().stream().anyMatch(Schedules.Node::alive);
            out.println(served ? "已请求立即运行计划 " + name + "；结果见 schedule list 和 jobs list。"
                    : "已请求立即运行计划 " + name + "，但目前没有运行 serve 的节点：它将在 serve 启动后运行。");
            return CommandLineFrame.DONE;
        }
    }

    static String format(LocalDateTime time) {
        return time == null ? "" : time.withNano(0).toString().replace('T', ' ');
    }
}
