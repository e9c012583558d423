package com.asan.audience.campaign;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** With no SMTP server configured, each message becomes an .eml file under the outbox directory. */
final class OutboxMailTransport implements MailTransport {

    private final Path directory;
    private final Session session = Session.getInstance(new Properties());

    OutboxMailTransport(Path directory) {
        this.directory = directory;
    }

    @Override
    public boolean outbox() {
        return true;
    }

    @Override
    public List<Result> send(List<RenderedMessage> messages) {
        List<Result> results = new ArrayList<>();
        for (RenderedMessage message : messages) {
            try {
                MimeMessage mime = MimeMessages.build(session, message);
                String name = message.messageId().replaceAll("[^A-Za-z0-9.@-]", "") + ".eml";
                Files.createDirectories(directory);
                try (OutputStream out = Files.newOutputStream(directory.resolve(name))) {
                    mime.writeTo(out);
                }
                results.add(new Result(message.leadId(), Outcome.SENT, null));
            } catch (Exception e) {
                results.add(new Result(message.leadId(), Outcome.TEMPORARY_FAILURE, "outbox: " + e.getMessage()));
            }
        }
        return results;
    }
}
