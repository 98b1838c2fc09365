package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.DeliveryLog.Claim;
import cn.sanshe.pipeline.delivery.DeliveryLog.Entry;
import cn.sanshe.pipeline.delivery.DeliveryLog.Key;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Edition;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Recipient;
import cn.sanshe.pipeline.reports.RenderedReport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends one rendered edition to its recipients, each at most once, through the delivery log.
 * An SMTP outage is waited out with bounded back-off; once one mail has used up its attempts the
 * server is taken to be down and the rest of the run tries each remaining mail once, so a long
 * outage costs one back-off, not one per recipient.
 */
@Service
class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final DeliveryLog deliveryLog;
    private final MailGateway gateway;
    private final DeliveryProperties properties;

    Deliverer(DeliveryLog deliveryLog, MailGateway gateway, DeliveryProperties properties) {
        this.deliveryLog = deliveryLog;
        this.gateway = gateway;
        this.properties = properties;
    }

    enum Status { SENT, ALREADY_SENT, ELSEWHERE, UNCERTAIN, FAILED, NOT_FINAL, UNCHANGED }

    record Result(String edition, String recipient, Status status, String detail) {

        boolean needsOperators() {
            return status == Status.FAILED || status == Status.UNCERTAIN;
        }
    }

    /** Remembers across the editions of one run that the server is down. */
    static final class Outage {
        private boolean down;
    }

    List<Result> deliver(Edition edition, String period, RenderedReport report, String scopeName, Outage outage)
            throws MessagingException {
        return deliver(edition, period, DeliveryLog.FINAL, edition.recipients(), report, outage);
    }

    /** Sends one kind of an edition (final, a correction, a provisional one) to these recipients, each once. */
    List<Result> deliver(Edition edition, String period, String kind, List<Recipient> recipients, RenderedReport report,
            Outage outage) throws MessagingException {
        InternetAddress from = new InternetAddress(properties.from(), true);
        ReportMail.Context context = new ReportMail.Context(edition, period, kind,
                properties.operations().isEmpty() ? "运维人员" : String.join("、", properties.operations()));
        List<Result> results = new ArrayList<>();
        for (Recipient recipient : recipients) {
            results.add(deliverOne(edition, period, kind, report, from, recipient, context, outage));
        }
        return results;
    }

    private Result deliverOne(Edition edition, String period, String kind, RenderedReport report, InternetAddress from,
            Recipient recipient, ReportMail.Context context, Outage outage) throws MessagingException {
        Key key = new Key(edition.name(), period, kind, recipient.address());
        String file = period + "/" + edition.name()
                + (kind.equals(DeliveryLog.FINAL) ? "" : "-" + kind.replaceAll("[^A-Za-z0-9-]", ""))
                + "__" + recipient.address();
        return sendOnce(key, claim -> ReportMail.compose(gateway.session(), from, recipient, report, context),
                report.title(), report.pdf().getFileName().toString(), file,
                "deliver --period " + period + " --resend-uncertain", outage);
    }

    /** Builds one attempt's message (a fresh one each time), knowing the delivery-log row it goes under. */
    interface Composer {
        MimeMessage compose(long deliveryId) throws MessagingException;
    }

    /**
     * Any mail at most once, through the delivery log: claims its row, composes it, hands it to the
     * server with bounded back-off and marks it sent; a mail claimed, being sent or sent by another
     * run is not sent. {@code file} names the .eml in the outbox; {@code resend} is the command
     * operators run once they know an uncertain mail did not arrive.
     */
    Result sendOnce(Key key, Composer composer, String title, String attachment, String file, String resend,
            Outage outage) throws MessagingException {
        Optional<Claim> claim = deliveryLog.reserve(key, Nodes.thisNode(), properties.lease());
        if (claim.isEmpty()) {
            return whyNotOurs(key, resend);
        }
        int attempts = outage.down ? 1 : properties.retry().attempts();
        String lastError = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            MimeMessage message = composer.compose(claim.get().id());
            MailGateway.Connection connection;
            try {
                connection = gateway.open();
            } catch (MessagingException refused) {
                lastError = gateway.describe() + "：" + rootMessage(refused);
                deliveryLog.attemptFailed(claim.get(), lastError, attempt == attempts);
                pause(attempt, attempts, lastError);
                continue;
            }
            try (connection) {
                if (!deliveryLog.startSending(claim.get(), title, attachment, message.getMessageID())) {
                    return new Result(key.edition(), key.recipient(), Status.ELSEWHERE, "已由其他运行接手");
                }
                connection.send(message, file);
                deliveryLog.markSent(claim.get());
                log.info("delivered {} {} {} to {} (attempt {})", key.edition(), key.period(), key.kind(),
                        key.recipient(), attempt);
                return new Result(key.edition(), key.recipient(), Status.SENT, gateway.describe());
            } catch (MessagingException refused) {
                // The server answered with an error: it did not take the mail.
                lastError = gateway.describe() + "：" + rootMessage(refused);
                deliveryLog.attemptFailed(claim.get(), lastError, attempt == attempts);
                pause(attempt, attempts, lastError);
            }
        }
        outage.down = true;
        return new Result(key.edition(), key.recipient(), Status.FAILED, lastError);
    }

    private Result whyNotOurs(Key key, String resend) {
        Entry entry = deliveryLog.find(key).orElseThrow();
        return switch (entry.state()) {
            case "sent" -> new Result(key.edition(), key.recipient(), Status.ALREADY_SENT, "已于 " + entry.sentAt() + " 发送");
            case "sending" -> !deliveryLog.sendingLongerThan(key, properties.sendingTimeout())
                    ? new Result(key.edition(), key.recipient(), Status.ELSEWHERE, "正由 " + entry.node() + " 发送")
                    : new Result(key.edition(), key.recipient(), Status.UNCERTAIN,
                    "上次发送在与邮件服务器交接时中断（" + entry.node() + "），无法确定对方是否已收到；确认未收到后运行 "
                            + resend);
            default -> new Result(key.edition(), key.recipient(), Status.ELSEWHERE, "正由 " + entry.node() + " 发送");
        };
    }

    private void pause(int attempt, int attempts, String error) {
        if (attempt == attempts) {
            return;
        }
        Duration delay = properties.retry().delayAfter(attempt);
        log.warn("mail attempt {}/{} failed ({}); next in {} ms", attempt, attempts, error, delay.toMillis());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("发送被中断", e);
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.strip();
    }
}
