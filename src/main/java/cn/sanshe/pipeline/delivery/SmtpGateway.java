package cn.sanshe.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends through the server Spring Boot configured from {@code spring.mail.*}. */
final class SmtpGateway implements MailGateway {

    private final JavaMailSenderImpl sender;

    SmtpGateway(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public Session session() {
        return sender.getSession();
    }

    @Override
    public Connection open() throws MessagingException {
        Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return new Connection() {
            @Override
            public void send(MimeMessage message, String name) throws MessagingException {
                // Transport.sendMessage returns only after the server's 250 to the message's data.
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // The mail is either accepted or not by now; a failed QUIT changes nothing.
                }
            }
        };
    }

    @Override
    public String describe() {
        return "SMTP " + sender.getHost() + (sender.getPort() > 0 ? ":" + sender.getPort() : "");
    }
}
