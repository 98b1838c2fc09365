package cn.sanshe.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Where mails go: an SMTP server when {@code spring.mail.host} is set, else {@code .eml} files in
 * the outbox. Opening and sending are separate so that the delivery log can record "the server is
 * being given this mail" only once the server answers, which narrows the one uncertain moment
 * (a crash during the SMTP exchange) to the exchange itself.
 */
public interface MailGateway {

    Session session();

    /** Contacts the server; a failure here means no mail was handed over. */
    Connection open() throws MessagingException;

    /** For messages to operators: "SMTP mail.example.gov.cn:25" or "发件箱 /srv/outbox". */
    String describe();

    interface Connection extends AutoCloseable {

        /**
         * Returns only when the server accepted the message. {@code name} names the .eml file in the
         * outbox (folders separated by /); the SMTP server ignores it.
         */
        void send(MimeMessage message, String name) throws MessagingException;

        @Override
        void close();
    }
}
