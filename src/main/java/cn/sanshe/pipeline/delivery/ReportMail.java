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
 * The dashboard mail: Chinese subject and body, the PDF attached under its Chinese file name.
 * The body names the report, period, scope and where the figures are kept; it carries no figures
 * about people and never an identity number.
 */
final class ReportMail {

    private ReportMail() {
    }

    /** What the body says about the report, beyond what {@link RenderedReport} has. */
    record Context(Edition edition, String period, String scopeName, String operations) {
    }

    static MimeMessage compose(Session session, InternetAddress from, Recipient to, RenderedReport report,
            Context context) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(context.edition().name(), context.period(),
                to.address()));
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
        String period = context.period().length() == 4 ? context.period() + "年"
                : context.period().substring(0, 4) + "年" + Integer.parseInt(context.period().substring(5)) + "月";
        return to.name() + "：\n\n"
                + "您好！附件为《" + report.title() + "》（PDF）。\n\n"
                + "报告期：" + period + "\n"
                + "范围：" + context.scopeName() + "（" + report.request().scope() + "）\n"
                + "对照目标：" + report.profile() + "\n"
                + "附件：" + report.pdf().getFileName() + "\n\n"
                + "报表中的全部指标另存为 kpis.json 和 kpis.csv，保存在流水线服务器的 "
                + report.pdf().toAbsolutePath().getParent() + " 目录；如需数据或对报表有疑问，请联系 "
                + context.operations() + "。\n\n"
                + "此邮件由三社联动数据流水线自动发送，每期每位收件人只发送一次，请勿直接回复。\n";
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
    static String messageId(String edition, String period, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((edition + "|" + period + "|" + recipient).getBytes(StandardCharsets.UTF_8));
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
