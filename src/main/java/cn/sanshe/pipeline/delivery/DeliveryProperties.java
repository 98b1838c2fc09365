package cn.sanshe.pipeline.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who gets which dashboard, and how hard to try: {@code pipeline.delivery} in {@code jobs/editions.yml}.
 *
 * @param from       the sender, e.g. {@code 三社联动数据平台 <noreply@example.gov.cn>}
 * @param operations who is told when a job fails or a mail cannot be delivered
 * @param retry      how an SMTP outage is waited out within one run
 * @param lease      how long a run's claim on a mail holds before another run may take it over
 *                   (claims are refreshed at every attempt; a taken-over claim is never sent by its old owner)
 * @param sendingTimeout how long a mail may be in the hands of the SMTP server before a run that
 *                   finds it so takes its sender for dead and reports it as uncertain (more than
 *                   the SMTP connection, read and write timeouts together)
 * @param editions   the dashboards and their recipients
 */
@ConfigurationProperties("pipeline.delivery")
public record DeliveryProperties(String from, List<String> operations, Retry retry, Duration lease,
        Duration sendingTimeout, List<Edition> editions) {

    public DeliveryProperties {
        from = from == null || from.isBlank() ? "三社联动数据平台 <sanshe-pipeline@localhost>" : from;
        operations = operations == null ? List.of() : List.copyOf(operations);
        retry = retry == null ? new Retry(0, null, 0, null) : retry;
        lease = lease == null ? Duration.ofMinutes(15) : lease;
        sendingTimeout = sendingTimeout == null ? Duration.ofMinutes(5) : sendingTimeout;
        editions = editions == null ? List.of() : List.copyOf(editions);
    }

    /**
     * Bounded exponential back-off: {@code attempts} tries per mail, waiting {@code initialDelay},
     * then that times {@code multiplier}, never more than {@code maxDelay} between two tries.
     */
    public record Retry(int attempts, Duration initialDelay, double multiplier, Duration maxDelay) {

        public Retry {
            attempts = attempts <= 0 ? 5 : attempts;
            initialDelay = initialDelay == null ? Duration.ofSeconds(30) : initialDelay;
            multiplier = multiplier < 1 ? 2 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
        }

        Duration delayAfter(int attempt) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
            return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
        }
    }

    /**
     * One dashboard sent every period of its cadence.
     *
     * @param name       a stable key (letters, digits, -): the delivery log remembers what was sent under it
     * @param cadence    monthly or yearly
     * @param scope      12-digit code of the city or district
     * @param profile    target profile, or empty for {@code pipeline.report.profile}
     */
    public record Edition(String name, Cadence cadence, String scope, String profile, List<Recipient> recipients) {

        public Edition {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("pipeline.delivery.editions: 名称须为字母、数字、- 或 _：" + name);
            }
            if (scope == null || !scope.matches("\\d{12}")) {
                throw new IllegalArgumentException("pipeline.delivery.editions." + name + ".scope 须为12位区划代码：" + scope);
            }
            cadence = cadence == null ? Cadence.MONTHLY : cadence;
            profile = profile == null || profile.isBlank() ? null : profile;
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }

        boolean covers(String period) {
            return (period.length() == 4) == (cadence == Cadence.YEARLY);
        }
    }

    public enum Cadence { MONTHLY, YEARLY }

    /** A reader of the dashboard; {@code name} is how the mail greets them. */
    public record Recipient(String name, String address) {

        public Recipient {
            if (address == null || !address.contains("@")) {
                throw new IllegalArgumentException("收件人地址无效：" + address);
            }
            address = address.trim().toLowerCase(java.util.Locale.ROOT);
            name = name == null || name.isBlank() ? address : name;
        }
    }
}
