package cn.sanshe.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Beans for the delivery tests, imported explicitly (not annotated, so no component scan of another
 * test's context picks them up): the fake renderer, and the SMTP gateway with a switch that makes
 * the process "die" the moment it opens a given connection.
 */
class DeliveryTestSupport {

    /** Over the real renderer: these tests are about mail; the demo test delivers real dashboards. */
    @Bean
    @Primary
    FakeRenderer fakeRenderer() {
        return new FakeRenderer(Path.of("target/test-work/reports-fake"));
    }

    /** Today for the finality of periods: mid-2027 unless a test moves it, so the periods the tests send are final. */
    @Bean
    MovableClock testClock() {
        return new MovableClock();
    }

    static final class MovableClock extends java.time.Clock {

        static final java.time.Instant DEFAULT = java.time.Instant.parse("2027-06-15T02:00:00Z");
        volatile java.time.Instant now = DEFAULT;

        /** Midday Beijing time of a day. */
        void today(java.time.LocalDate day) {
            now = day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneId.of("Asia/Shanghai");
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return java.time.Clock.fixed(now, zone);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Bean
    @Primary
    CrashingGateway crashingGateway(JavaMailSender sender) {
        return new CrashingGateway(new SmtpGateway((JavaMailSenderImpl) sender));
    }

    /** A kill -9 as the mail code sees it: nothing after this point runs. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    static final class CrashingGateway implements MailGateway {

        final AtomicInteger opens = new AtomicInteger();
        volatile int crashOnOpen = -1;
        private final MailGateway delegate;

        CrashingGateway(MailGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public Session session() {
            return delegate.session();
        }

        @Override
        public Connection open() throws MessagingException {
            if (opens.incrementAndGet() == crashOnOpen) {
                throw new SimulatedCrash();
            }
            return delegate.open();
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }
}
