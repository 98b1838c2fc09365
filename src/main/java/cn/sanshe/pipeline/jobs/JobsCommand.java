package cn.sanshe.pipeline.jobs;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.console.Places;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        description = "作业执行记录：状态、用时、各步骤计数；重启失败的作业，停止运行中的作业。时间均为北京时间。",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Restart.class,
            JobsCommand.Stop.class})
public class JobsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：list、show、restart 或 stop");
    }

    @Command(name = "list", description = "最近的作业执行（时间为北京时间）。")
    static class ListJobs extends ApplicationCommand {

        @Override
        protected java.util.List<String> springSettings() {
            return readOnly();
        }

        @Option(names = "--limit", defaultValue = "20", description = "显示条数（默认 ${DEFAULT-VALUE}）")
        int limit;

        @Override
        protected void validate() {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit 应为正整数，实为 " + limit);
            }
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            List<JobSummary> jobs = context.getBean(JobControl.class).recent(limit);
            int jobWidth = jobs.stream().mapToInt(job -> JobText.width(JobText.job(job.jobName()))).max().orElse(4) + 2;
            out.println(JobText.pad("执行号", 8) + JobText.pad("作业", jobWidth) + JobText.pad("状态", 8)
                    + JobText.pad("开始（北京时间）", 21) + JobText.pad("结束（北京时间）", 21) + "参数");
            for (JobSummary job : jobs) {
                out.println(JobText.pad(Long.toString(job.executionId()), 8)
                        + JobText.pad(JobText.job(job.jobName()), jobWidth)
                        + JobText.pad(JobText.status(job.status()), 8) + JobText.pad(JobText.beijing(job.startTime()), 21)
                        + JobText.pad(JobText.beijing(job.endTime()), 21) + job.parameters());
            }
            if (jobs.isEmpty()) {
                out.println("还没有运行过作业。");
            }
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "show", description = "一次执行的参数、各步骤计数和失败原因（时间为北京时间）。")
    static class Show extends ApplicationCommand {

        @Override
        protected java.util.List<String> springSettings() {
            return readOnly();
        }

        @Parameters(paramLabel = "ID", description = "执行号（jobs list 的第一列）")
        long executionId;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            JobControl control = context.getBean(JobControl.class);
            Places places = context.getBean(Places.class);
            JobExecution execution = control.execution(executionId);
            out.printf("执行号 %d  作业 %s  状态 %s%n", execution.getId(),
                    JobText.job(execution.getJobInstance().getJobName()), JobText.status(execution.getStatus()));
            out.printf("开始 %s  结束 %s（北京时间）%n", JobText.beijing(execution.getStartTime()),
                    execution.getEndTime() == null ? "—" : JobText.beijing(execution.getEndTime()));
            out.println("参数 " + JobText.parameters(execution.getJobParameters()));
            Map<String, Object> owner = control.owner(executionId);
            if (!owner.isEmpty()) {
                out.println("运行于 主机 " + owner.get("host") + "，进程 " + owner.get("pid"));
            }
            for (Map<String, Object> row : control.ingestAccounting(execution)) {
                out.printf("入库核对（与 export accounting 相同）：%s %s 个文件，读取 %s 行 = 入库 %s + 退回 %s + 跳过 %s%n",
                        fileStatus(row.get("status")), row.get("files"), row.get("rows_read"), row.get("rows_loaded"),
                        row.get("rows_rejected"), row.get("rows_skipped"));
            }
            for (Map<String, Object> row : control.ingestAccountingByDistrict(execution)) {
                out.printf("  %s：%s 个文件，读取 %s 行 = 入库 %s + 退回 %s + 跳过 %s%n",
                        places.name(String.valueOf(row.get("district_code"))),
                        row.get("files"), row.get("rows_read"), row.get("rows_loaded"), row.get("rows_rejected"),
                        row.get("rows_skipped"));
            }
            List<StepExecution> steps = execution.getStepExecutions().stream()
                    .sorted(Comparator.comparingLong(StepExecution::getId)).toList();
            int stepWidth = steps.stream().mapToInt(step -> JobText.width(stepLabel(step, places))).max()
                    .orElse(4) + 2;
            out.println("各步骤（Spring Batch 的条目计数：含标题行、表头行等非数据行，分区步骤是其下各区县步骤之和；"
                    + "数据行以上面的入库核对为准）");
            out.println(JobText.pad("步骤", stepWidth) + JobText.pad("状态", 8) + JobText.padLeft("读入条目", 10)
                    + JobText.padLeft("写出条目", 10) + JobText.padLeft("过滤", 7) + JobText.padLeft("跳过", 7)
                    + JobText.padLeft("提交", 7) + JobText.padLeft("回滚", 7));
            steps.forEach(step -> out.println(JobText.pad(stepLabel(step, places), stepWidth)
                            + JobText.pad(JobText.status(step.getStatus()), 8)
                            + JobText.padLeft(Long.toString(step.getReadCount()), 10)
                            + JobText.padLeft(Long.toString(step.getWriteCount()), 10)
                            + JobText.padLeft(Long.toString(step.getFilterCount()), 7)
                            + JobText.padLeft(Long.toString(step.getSkipCount()), 7)
                            + JobText.padLeft(Long.toString(step.getCommitCount()), 7)
                            + JobText.padLeft(Long.toString(step.getRollbackCount()), 7)));
            JobOutcome outcome = JobOutcome.of(execution);
            if (!outcome.succeeded() && !execution.isRunning()) {
                out.println(outcome.describe());
            }
            return CommandLineFrame.DONE;
        }

        /**
         * 区县入库·长安区（ingestDistrictStep:district-130102）, 指标·河北省（indicatorsScopeStep:scope-130000000000）:
         * a district's or a scope's partition by its name.
         */
        private static String stepLabel(StepExecution step, Places places) {
            String name = step.getStepName();
            String place = name.indexOf(':') < 0 ? null : JobText.partitionPlace(name);
            if (place == null) {
                return JobText.step(name);
            }
            return JobText.stepName(name) + "·" + places.name(place) + "（" + name + "）";
        }

        private static String fileStatus(Object status) {
            return switch (String.valueOf(status)) {
                case "loaded" -> "已入库";
                case "refused" -> "整体拒收";
                default -> "待处理";
            };
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
            JobControl control = context.getBean(JobControl.class);
            JobExecution execution = control.execution(executionId);
            if (!execution.isRunning()) {
                throw new cn.sanshe.pipeline.cli.UsageException("执行号 " + executionId + " 没有在运行（状态："
                        + JobText.status(execution.getStatus()) + "），无需停止");
            }
            boolean sent = control.stop(executionId);
            out.println(sent ? "已请求停止执行号 " + executionId + "；当前数据块提交后停止。" : "停止请求未被接受。");
            return exitStatus(sent);
        }
    }
}
