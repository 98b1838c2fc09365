package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.DeliveryLog.Key;
import cn.sanshe.pipeline.delivery.ReminderPlanner.Due;
import cn.sanshe.pipeline.delivery.ReminderPlanner.Plan;
import cn.sanshe.pipeline.delivery.ReminderProperties.Contact;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one step of {@code streetReminderJob}: every street the plan of the run's day lists gets one
 * reminder per contact, each at most once ({@code delivery_log}, edition {@code reminder:<street>});
 * before a reminder goes, the templates it asks for are written beside its delivery-log row
 * ({@code submission_reminder}) for the submissions grid. Streets without a contact are listed in
 * the step's summary and, once per change of that list, in a mail to operations. The step fails
 * when a reminder is left undelivered or uncertain, so operators are told and {@code jobs restart}
 * sends only what is missing.
 */
class ReminderDelivery implements Tasklet {

    /** The step's execution-context key of its summary lines (what {@code remind} prints). */
    static final String SUMMARY = "reminders.summary";

    /** Lines kept in the summary (the execution context is a TEXT column); the log has them all. */
    static final int SUMMARY_LINES = 150;

    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final ReminderPlanner planner;
    private final Deliverer deliverer;
    private final MailGateway gateway;
    private final DeliveryProperties delivery;
    private final JdbcTemplate jdbc;

    ReminderDelivery(ReminderPlanner planner, Deliverer deliverer, MailGateway gateway, DeliveryProperties delivery,
            JdbcTemplate jdbc) {
        this.planner = planner;
        this.deliverer = deliverer;
        this.gateway = gateway;
        this.delivery = delivery;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
        LocalDate asOf = LocalDate.parse(parameters.getString("asOf"));
        String period = parameters.getString("period");
        Plan plan = planner.plan(asOf, period == null || period.isBlank() ? null : YearMonth.parse(period));

        InternetAddress from = new InternetAddress(delivery.from(), true);
        String operations = delivery.operations().isEmpty() ? "运维人员" : String.join("、", delivery.operations());
        ReminderMail.Context context = new ReminderMail.Context(from, asOf, planner.dueDays(),
                planner.properties().howToSend(), operations);
        Deliverer.Outage outage = new Deliverer.Outage();
        List<String> lines = new ArrayList<>();           // sent, failed, uncertain: first
        List<String> unreached = new ArrayList<>();       // no contact
        List<String> earlier = new ArrayList<>();         // reminded before
        List<String> problems = new ArrayList<>();
        long sent = 0;
        long before = 0;
        for (Due due : plan.due()) {
            contribution.incrementReadCount();
            if (due.contacts().isEmpty()) {
                unreached.add(ReminderPlanner.line(due) + " → 无联系人（在 jobs/reminders.yml 中添加）");
                continue;
            }
            for (Contact contact : due.contacts()) {
                Key key = due.key(contact);
                Deliverer.Result result = deliverer.sendOnce(key, deliveryId -> {
                    record(deliveryId, due, contact);
                    return ReminderMail.compose(gateway.session(), context, due, contact);
                }, ReminderMail.subject(due), null, "reminders/" + due.month() + "/" + due.street() + "__"
                        + contact.address(), "remind --period " + due.month() + " --resend-uncertain", outage);
                switch (result.status()) {
                    case SENT -> sent++;
                    case ALREADY_SENT -> before++;
                    default -> { }
                }
                if (result.needsOperators()) {
                    problems.add(ReminderPlanner.line(due) + " → " + contact.address() + "：" + result.detail());
                }
                (result.status() == Deliverer.Status.ALREADY_SENT ? earlier : lines).add(ReminderPlanner.line(due)
                        + " → " + contact.name() + "（" + contact.address() + "）：" + label(result));
            }
        }
        List<Due> nobody = plan.withoutContact();
        if (!nobody.isEmpty() && !delivery.operations().isEmpty()) {
            Deliverer.Result told = tellOperations(nobody, from, outage);
            lines.add("无联系人的街道名单 → 运维（" + String.join("、", delivery.operations()) + "）："
                    + (told.status() == Deliverer.Status.ALREADY_SENT ? "名单未变，此前已告知" : label(told)));
            if (told.needsOperators()) {
                problems.add("无联系人的街道名单 → " + told.recipient() + "：" + told.detail());
            }
        }
        lines.addAll(unreached);
        lines.addAll(earlier);
        lines.forEach(line -> log.info("reminder {}", line));
        if (lines.size() > SUMMARY_LINES) {
            int more = lines.size() - SUMMARY_LINES;
            lines = new ArrayList<>(lines.subList(0, SUMMARY_LINES));
            lines.add("……另有 " + more + " 行未列出（全部见 logs/pipeline.log，或 remind --dry-run）");
        }
        lines.add(planner.totals(plan, sent, before));
        contribution.incrementWriteCount(sent);
        contribution.incrementFilterCount(before);
        var stepContext = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        stepContext.putString(SUMMARY, String.join("\n", lines));
        stepContext.putLong("reminders.sent", sent);
        stepContext.putLong("reminders.noContact", nobody.size());
        if (!problems.isEmpty()) {
            throw new UndeliveredReminders(problems);
        }
        return RepeatStatus.FINISHED;
    }

    /** What the mail about to go asks for, kept beside its delivery-log row (a later attempt may ask for less). */
    private void record(long deliveryId, Due due, Contact contact) {
        jdbc.update("""
                INSERT INTO submission_reminder (delivery_id, street_code, period, templates, contact, composed_at)
                VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))
                ON DUPLICATE KEY UPDATE templates = VALUES(templates), contact = VALUES(contact),
                                        composed_at = VALUES(composed_at)""",
                deliveryId, due.street(), due.month().toString(), String.join(",", due.templates()),
                truncate(contact.name()));
    }

    /**
     * One mail to operations per distinct list (a nightly run with the same list sends nothing):
     * the list's digest is the delivery-log kind, the newest month its period.
     */
    private Deliverer.Result tellOperations(List<Due> nobody, InternetAddress from, Deliverer.Outage outage)
            throws Exception {
        StringBuilder list = new StringBuilder();
        nobody.forEach(due -> list.append(due.month()).append(due.street()).append(due.templates()).append(';'));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(list.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        String newest = nobody.stream().map(Due::month).max(YearMonth::compareTo).orElseThrow().toString();
        String to = String.join(",", delivery.operations());
        Key key = new Key(DeliveryLog.REMINDER + "operations", newest, "no-contact-" + digest,
                to.length() > 254 ? to.substring(0, 254) : to);
        return deliverer.sendOnce(key, id -> ReminderMail.noContact(gateway.session(), from, to, nobody, digest),
                "无联系人的街道 " + nobody.size() + " 个", null, "reminders/" + newest + "/无联系人-" + digest,
                "remind --period " + newest + " --resend-uncertain", outage);
    }

    private static String label(Deliverer.Result result) {
        return switch (result.status()) {
            case SENT -> "已发送";
            case ALREADY_SENT -> "此前已催报，不再发送";
            case ELSEWHERE -> "另一运行正在发送（" + result.detail() + "）";
            case UNCERTAIN -> "发送状态不明：" + result.detail();
            case FAILED -> "发送失败：" + result.detail();
            default -> result.detail();
        };
    }

    private static String truncate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    /** What operators read in the failure mail: which reminders did not go, and why. */
    static final class UndeliveredReminders extends RuntimeException {

        UndeliveredReminders(List<String> problems) {
            super(problems.size() + " 封催报邮件未送达或状态不明：\n  "
                    + String.join("\n  ", problems.stream().limit(20).toList())
                    + (problems.size() > 20 ? "\n  ……另有 " + (problems.size() - 20) + " 封" : ""));
        }
    }
}
