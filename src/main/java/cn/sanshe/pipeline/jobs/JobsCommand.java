package cn.sanshe.pipeline.jobs;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "作业执行记录：状态、用时、各步骤计数；重启失败的作业，停止运行中的作业。",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Restart.class,
            JobsCommand.Stop.class})
public class JobsCommand implements Runnable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：list、show、restart 或 stop");
    }

    /**
     * Read-only commands start the application lazily: only the beans their work needs are made
     * (no scheduler, no job definitions, no mail), which is most of a start. {@code -Dpipeline.eager=true}
     * turns it off (the command-start benchmark's "before").
     */
    static java.util.List<String> readOnly() {
        return Boolean.getBoolean("pipeline.eager") ? java.util.List.of()
                : java.util.List.of("--spring.main.lazy-initialization=true");
    }

    @Command(name = "list", description = "最近的作业执行。")
    static class ListJobs extends ApplicationCommand {

        @Override
        protected java.util.List<String> springSettings() {
            return readOnly();
        }

        @Option(names = "--limit", defaultValue = "20", description = "显示条数（默认 ${DEFAULT-VALUE}）")
        int limit;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            out.printf("%-8s %-28s %-10s %-19s %-19s%n", "执行号", "作业", "状态", "开始", "结束");
            for (JobSummary job : context.getBean(JobControl.class).recent(limit)) {
                out.printf("%-8d %-28s %-10s %-19s %-19s%n", job.executionId(), job.jobName(), job.status(),
                        format(job.startTime()), format(job.endTime()));
            }
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "show", description = "一次执行的参数、各步骤计数和失败原因。")
    static class Show extends ApplicationCommand {

        @Override
        protected java.util.List<String> springSettings() {
            return readOnly();
        }

        @Parameters(paramLabel = "ID", description = "执行号")
        long executionId;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            JobControl control = context.getBean(JobControl.class);
            JobExecution execution = control.execution(executionId);
            out.printf("执行号 %d  作业 %s  状态 %s  退出码 %s%n", execution.getId(),
                    execution.getJobInstance().getJobName(), execution.getStatus(),
                    execution.getExitStatus().getExitCode());
            out.printf("开始 %s  结束 %s%n", format(execution.getStartTime()), format(execution.getEndTime()));
            out.println("参数 " + execution.getJobParameters().parameters());
            if (!control.owner(executionId).isEmpty()) {
                out.println("运行于 " + control.owner(executionId));
            }
            out.printf("%-24s %-10s %8s %8s %8s %8s %8s %8s%n", "步骤", "状态", "读取", "写入", "过滤", "跳过",
                    "提交", "回滚");
            execution.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId))
                    .forEach(step -> out.printf("%-24s %-10s %8d %8d %8d %8d %8d %8d%n", step.getStepName(),
                            step.getStatus(), step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
                            step.getSkipCount(), step.getCommitCount(), step.getRollbackCount()));
            JobOutcome outcome = JobOutcome.of(execution);
            if (!outcome.succeeded() && !execution.isRunning()) {
                out.println(outcome.describe());
            }
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "restart", description = "从中断处重启失败、已停止或因崩溃停在运行中的作业。")
    static class Restart extends ApplicationCommand {

        @Parameters(paramLabel = "ID", description = "执行号")
        long executionId;

        @Option(names = "--force", description = "即使它看似仍在其他主机上运行也重启（确认它已停止后使用）")
        boolean force;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
            JobOutcome outcome = context.getBean(JobControl.class).restart(executionId, force);
            out.println(outcome.describe());
            return exitStatus(outcome.succeeded());
        }
    }

    @Command(name = "stop", description = "请求运行中的作业在当前数据块提交后停止（之后可 restart）。")
    static class Stop extends ApplicationCommand {

        @Parameters(paramLabel = "ID", description = "执行号")
        long executionId;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
            boolean sent = context.getBean(JobControl.class).stop(executionId);
            out.println(sent ? "已请求停止执行号 " + executionId + "；当前数据块提交后停止。" : "停止请求未被接受。");
            return exitStatus(sent);
        }
    }

    private static String format(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }
}
