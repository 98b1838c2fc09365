package cn.sanshe.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * With no SMTP host configured, mails are written as {@code .eml} files that any mail client
 * opens. A file appears whole or not at all (written aside, then moved), like an accepted mail.
 */
final class OutboxGateway implements MailGateway {

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    OutboxGateway(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Connection open() throws MessagingException {
        try {
            Files.createDirectories(outbox);
        } catch (IOException e) {
            throw new MessagingException("发件箱无法创建：" + outbox, e);
        }
        return new Connection() {
            @Override
            public void send(MimeMessage message, String name) throws MessagingException {
                Path file = outbox.resolve(name + ".eml").normalize();
                if (!file.startsWith(outbox)) {
                    throw new MessagingException("邮件文件名越出发件箱：" + name);
                }
                try {
                    Files.createDirectories(file.getParent());
                    Path part = file.resolveSibling(file.getFileName() + ".part");
                    try (OutputStream out = Files.newOutputStream(part)) {
                        message.writeTo(out);
                    }
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new MessagingException("写入发件箱失败：" + file, e);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "发件箱 " + outbox;
    }
}
