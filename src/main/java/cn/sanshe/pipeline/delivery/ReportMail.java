package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.DeliveryProperties.Edition;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Recipient;
import cn.sanshe.pipeline.reports.RenderedReport;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;

/**
 * The dashboard mail: Chinese subject (the edition's title, with 预览版·未截止 or 更正版 in it) and
 * body — the edition and period, page 1's verdict line, the three figures that moved most since
 * last month, a correction's changed figures — and the PDF attached under its Chinese file name.
 * No server path, no internal code (profile, division code), never an identity number.
 */
final class ReportMail {

    private ReportMail() {
    }

    /** What the body says about the report, beyond what {@link RenderedReport} has. */
    record Context(Edition edition, String period, String kind, String operations) {
    }

    /** At most this many changed figures are listed in a correction's mail; the PDF's page 1 has them all. */
    static final int CHANGES_IN_MAIL = 20;

    static MimeMessage compose(Session session, InternetAddress from, Recipient to, RenderedReport report,
            Context context) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(context.edition().name(), context.period(),
                context.kind(), to.address()));
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, address(to));
        message.setSubject(report.title(), "UTF-8");
        message.setSentDate(new Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(body(to, report, context), "UTF-8");
        MimeMultipart content = new MimeMultipart();
        content.addBodyPart(text);
        content.addBodyPart(attachment(report));
        message.setContent(content);
        message.saveChanges();
        return message;
    }

    static String body(Recipient to, RenderedReport report, Context context) {
        String period = report.periodLabel() != null ? report.periodLabel()
                : context.period().length() == 4 ? context.period() + "年"
                : context.period().substring(0, 4) + "年" + Integer.parseInt(context.period().substring(5)) + "月";
        StringBuilder body = new StringBuilder();
        body.append(to.name()).append("：\n\n您好！附件为《").append(report.title()).append("》（PDF）。\n\n");
        switch (report.kind()) {
            case PROVISIONAL -> body.append("这是预览版：本期尚未截止，迟报的文件仍会改变数字，请勿据此决策；")
                    .append("截止后将另发正式版。\n\n");
            case CORRECTION -> {
                body.append("这是更正版：此前发送的本期报表中有 ").append(report.changes().size())
                        .append(" 项数字已经改变（迟报文件或数据更正），请以本版为准：\n");
                report.changes().stream().limit(CHANGES_IN_MAIL)
                        .forEach(change -> body.append("  · ").append(change.line()).append("\n"));
                if (report.changes().size() > CHANGES_IN_MAIL) {
                    body.append("  另有 ").append(report.changes().size() - CHANGES_IN_MAIL).append(" 项，见附件第1页。\n");
                }
                body.append("\n");
            }
            default -> { }
        }
        if (report.scopeName() != null) {
            body.append("统计范围：").append(report.scopeName()).append("\n");
        }
        body.append("统计期：").append(period).append("\n");
        if (report.verdict() != null) {
            body.append("对照目标：").append(report.verdict()).append("\n");
        }
        if (!report.movers().isEmpty()) {
            body.append("\n较上月变化最大的").append(report.movers().size() == 3 ? "三" : String.valueOf(report.movers().size()))
                    .append("项：\n");
            for (int i = 0; i < report.movers().size(); i++) {
                body.append("  ").append(i + 1).append(". ").append(report.movers().get(i)).append("\n");
            }
        }
        body.append("\n全部数字见附件；如需数据或对报表有疑问，请联系 ").append(context.operations()).append("。\n\n")
                .append("此邮件由三社联动数据平台自动发送，请勿直接回复。\n");
        return body.toString();
    }

    /**
     * The PDF with its Chinese name written both ways common clients read: an RFC 2047 encoded word
     * in {@code name} and {@code filename} (Outlook, Foxmail, webmail) and RFC 2231 in
     * {@code filename*} (standard; preferred by clients that know it).
     */
    static MimeBodyPart attachment(RenderedReport report) throws MessagingException {
        String name = report.pdf().getFileName().toString();
        String encodedWord;
        try {
            encodedWord = MimeUtility.encodeText(name, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
        String rfc2231 = "UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new FileDataSource(report.pdf().toFile())));
        pdf.setHeader("Content-Type", "application/pdf;\r\n\tname=\"" + encodedWord + "\"");
        pdf.setHeader("Content-Disposition", "attachment;\r\n\tfilename=\"" + encodedWord + "\";\r\n\tfilename*="
                + rfc2231);
        pdf.setHeader("Content-Transfer-Encoding", "base64");
        return pdf;
    }

    /**
     * The same Message-ID for the same report to the same reader, however often it is composed:
     * if an operator ever re-sends an uncertain mail, servers and clients that de-duplicate by
     * Message-ID show it once.
     */
    static String messageId(String edition, String period, String kind, String recipient) {
        try {
            // the final edition keeps the id it always had; every other kind is a mail of its own
            String key = DeliveryLog.FINAL.equals(kind) ? edition + "|" + period + "|" + recipient
                    : edition + "|" + period + "|" + kind + "|" + recipient;
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + edition + "." + period + "." + HexFormat.of().formatHex(digest, 0, 12) + "@sanshe-pipeline>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress address(Recipient to) throws MessagingException {
        try {
            return new InternetAddress(to.address(), to.name(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of inventing one at saveChanges. */
    static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
