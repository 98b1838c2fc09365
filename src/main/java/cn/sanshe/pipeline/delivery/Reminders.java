package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.ReminderPlanner.Due;
import cn.sanshe.pipeline.delivery.ReminderPlanner.Plan;
import cn.sanshe.pipeline.delivery.ReminderProperties.Contact;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.jobs.JobText;
import cn.sanshe.pipeline.system.RunLock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Reminders to streets that have not sent a month's templates: for every month of the last
 * {@code pipeline.reminders.months} whose reminder day (month end + {@code after-days}) has come,
 * every street whose templates the submissions grid calls missing gets one mail per contact,
 * listing them all, exactly once through the delivery log. Streets without a contact are reported,
 * not dropped. What the schedule, {@code remind} and its {@code --dry-run} call.
 */
@Service
public class Reminders {

    static final String KIND = "reminder";
    static final String JOB_NAME = "streetReminderJob";

    private final RunLock runLock;
    private final ReminderPlanner planner;
    private final DeliveryLog deliveryLog;
    private final JobControl jobs;
    private final Job job;

    Reminders(ReminderPlanner planner, DeliveryLog deliveryLog, JobControl jobs, @Qualifier(JOB_NAME) Job job,
            RunLock runLock) {
        this.runLock = runLock;
        this.planner = planner;
        this.deliveryLog = deliveryLog;
        this.jobs = jobs;
        this.job = job;
    }

    /** How a run went: the job, and one line per street and contact, then the totals. */
    public record Run(JobOutcome outcome, List<String> lines) {

        /** The totals line (the last), for the schedule log. */
        public String headline() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** Today in Beijing, the day a run now would plan for. */
    public LocalDate today() {
        return planner.today();
    }

    /** Runs the reminder job for today (Beijing time): the window, or one month. */
    public Run run(YearMonth only) throws Exception {
        return run(planner.today(), only);
    }

    Run run(LocalDate asOf, YearMonth only) throws Exception {
        // One run at a time across nodes: two launches in the same millisecond would be the same job
        // instance, and Spring Batch refuses the second in its own words. The second is refused in ours.
        JobOutcome outcome;
        try (RunLock.Held ignored = runLock.hold(JOB_NAME, "remind " + (only == null ? asOf : only))) {
            outcome = jobs.run(job, new JobParametersBuilder()
                    .addString("asOf", asOf.toString())
                    .addString("period", only == null ? "" : only.toString())
                    .addLong("requestedAt", System.currentTimeMillis())
                    .toJobParameters());
        }
        JobExecution execution = jobs.execution(outcome.executionId());
        List<String> lines = execution.getStepExecutions().stream()
                .map(StepExecution::getExecutionContext)
                .filter(context -> context.containsKey(ReminderDelivery.SUMMARY))
                .flatMap(context -> Arrays.stream(context.getString(ReminderDelivery.SUMMARY).split("\n")))
                .toList();
        return new Run(outcome, lines);
    }

    /** A month that may not be reminded yet: why, in one line; empty when it may. */
    public Optional<String> notYet(YearMonth month) {
        LocalDate on = planner.remindOn(month);
        return planner.today().isBefore(on)
                ? Optional.of(month + " 尚未到催报日：月末后 " + planner.properties().afterDays() + " 天，即 " + on
                        + " 起（北京时间）催报")
                : Optional.empty();
    }

    /** What a run would do now, without sending anything: who would be reminded, who was, who has no contact. */
    public List<String> dryRun(YearMonth only) {
        return dryRun(planner.today(), only);
    }

    List<String> dryRun(LocalDate today, YearMonth only) {
        Plan plan = planner.plan(today, only);
        List<String> lines = new ArrayList<>();
        for (Due due : plan.due()) {
            if (due.contacts().isEmpty()) {
                lines.add(ReminderPlanner.line(due) + " → 无联系人（在 jobs/reminders.yml 中添加）");
                continue;
            }
            for (Contact contact : due.contacts()) {
                lines.add(ReminderPlanner.line(due) + " → " + contact.name() + "（" + contact.address() + "）："
                        + deliveryLog.find(due.key(contact)).map(Reminders::state).orElse("将发送"));
            }
        }
        lines.add(planner.totals(plan, -1, -1));
        return lines;
    }

    /** Lets the uncertain reminders of a month go again, once operators know they did not arrive. */
    public int releaseUncertain(YearMonth month) {
        return deliveryLog.releaseUncertainReminders(month.toString());
    }

    private static String state(DeliveryLog.Entry entry) {
        return switch (entry.state()) {
            case "sent" -> "已于 " + JobText.beijing(entry.sentAt()) + "（北京时间）催报，不再发送";
            case "sending" -> "发送状态不明（上次发送中断），确认未收到后运行 remind --period " + entry.period()
                    + " --resend-uncertain";
            case "failed" -> "上次发送失败，将重发：" + entry.lastError();
            default -> "正由 " + entry.node() + " 发送";
        };
    }
}
