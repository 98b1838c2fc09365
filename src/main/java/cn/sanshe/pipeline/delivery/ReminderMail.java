package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.ReminderPlanner.Due;
import cn.sanshe.pipeline.delivery.ReminderProperties.Contact;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The reminder to a street's contact, in Chinese: which templates of which month have not come,
 * the street's and district's names, the due day, how to send; and the note to operators about
 * streets nobody could be asked. No codes but the street's own folder, never an identity number.
 */
final class ReminderMail {

    private ReminderMail() {
    }

    /** The street templates by their names on the blank workbooks (sources.md). */
    static final Map<String, String> TEMPLATE_NAMES = Map.of(
            "S1", "社区基本情况表",
            "S2", "社区社会组织台账",
            "S3", "社区工作者花名册",
            "S4", "街道综合服务中心情况");

    /** What every reminder of a run shares. */
    record Context(InternetAddress from, LocalDate today, int dueDays, String howToSend, String operations) {
    }

    static MimeMessage compose(Session session, Context context, Due due, Contact to) throws MessagingException {
        MimeMessage message = new ReportMail.FixedIdMessage(session,
                messageId("reminder." + due.street() + "." + due.month(), to.address()));
        message.setFrom(context.from());
        message.setRecipient(MimeMessage.RecipientType.TO, address(to));
        message.setSubject(subject(due), "UTF-8");
        message.setSentDate(new Date());
        message.setText(body(context, due, to), "UTF-8");
        message.saveChanges();
        return message;
    }

    static String subject(Due due) {
        return "【催报】" + due.place() + "：" + month(due.month()) + "尚有" + due.templates().size() + "张报表未报送（"
                + String.join("、", due.templates()) + "）";
    }

    static String body(Context context, Due due, Contact to) {
        LocalDate deadline = due.month().atEndOfMonth().plusDays(context.dueDays());
        StringBuilder body = new StringBuilder();
        body.append(to.name()).append("：\n\n您好！截至 ").append(day(context.today())).append("（北京时间），尚未收到")
                .append(due.place()).append(" ").append(month(due.month())).append(" 的以下报表：\n\n");
        for (String template : due.templates()) {
            body.append("  · ").append(template).append(" ").append(TEMPLATE_NAMES.get(template)).append("\n");
        }
        body.append("\n").append(month(due.month())).append("的报表应在月末后 ").append(context.dueDays())
                .append(" 天内报送，截止日为 ").append(day(deadline)).append("，现已逾期，请尽快报送。\n\n")
                .append("报送方式：").append(context.howToSend().replace("{month}", due.month().toString())
                        .replace("{unit}", due.street())).append("\n")
                .append("每个月的几张表可放在一个工作簿的不同工作表中，也可分别报送；更正后重新报送的同一张表会替换之前的。\n\n")
                .append("如在本邮件发出后已经报送，请忽略本邮件。这个月份的报表只催报这一次，不会重复发送。\n")
                .append("如有疑问，请联系 ").append(context.operations()).append("。\n\n")
                .append("此邮件由三社联动数据平台自动发送，请勿直接回复。\n");
        return body.toString();
    }

    /** To operators: the streets that miss templates but have no contact, and how to add one. */
    static MimeMessage noContact(Session session, InternetAddress from, String operations, List<Due> streets,
            String key) throws MessagingException {
        MimeMessage message = new ReportMail.FixedIdMessage(session, messageId("reminder.no-contact." + key, operations));
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(operations, true));
        message.setSubject("【催报】" + streets.size() + " 个街道（按月份计）有未报报表但没有联系人，未能催报", "UTF-8");
        message.setSentDate(new Date());
        StringBuilder body = new StringBuilder("以下街道有未报送的报表，但 jobs/reminders.yml 中没有它们的联系人，"
                + "也没有所在区县的默认联系人，因此没有发出催报邮件：\n\n");
        streets.forEach(due -> body.append("  · ").append(ReminderPlanner.line(due)).append("（街道代码 ")
                .append(due.street()).append("）\n"));
        body.append("\n添加联系人：在 jobs/reminders.yml 的 pipeline.reminders.contacts 下加一行\n")
                .append("  - {street: \"街道9位代码\", name: 联系人称呼, address: 邮箱地址}\n")
                .append("或在 district-contacts 下为整个区县加默认联系人；下一次催报（每天的 street-reminders 计划，")
                .append("或 remind 命令）即会发给新联系人。\n")
                .append("名单有变化时才会再次发送本邮件。\n\n此邮件由三社联动数据流水线自动发送。\n");
        message.setText(body.toString(), "UTF-8");
        message.saveChanges();
        return message;
    }

    /** 2026年10月 */
    static String month(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** 2026年11月5日 */
    static String day(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The same Message-ID every time the same reminder is composed (a resend de-duplicates). */
    private static String messageId(String what, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((what + "|" + recipient).getBytes(StandardCharsets.UTF_8));
            return "<" + what + "." + HexFormat.of().formatHex(digest, 0, 12) + "@sanshe-pipeline>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress address(Contact to) throws MessagingException {
        try {
            return new InternetAddress(to.address(), to.name(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
    }
}
