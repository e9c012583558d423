package com.asan.audience.campaign;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code spring.mail.*} over kept-open connections ({@link SmtpConnections}).
 * A 4xx reply or a dropped connection is a temporary failure (retried later); a 5xx reply is permanent and its
 * text becomes the recipient's reason.
 */
final class SmtpMailTransport implements MailTransport, AutoCloseable {

    private final JavaMailSenderImpl sender;
    private final SmtpConnections connections;

    SmtpMailTransport(JavaMailSenderImpl sender, SmtpConnections connections) {
        this.sender = sender;
        this.connections = connections;
    }

    @Override
    public boolean outbox() {
        return false;
    }

    @Override
    public List<Result> send(List<RenderedMessage> messages) {
        List<Result> results = new ArrayList<>(messages.size());
        Transport connection = null;
        Exception cannotConnect = null;
        try {
            for (RenderedMessage message : messages) {
                if (cannotConnect != null) {
                    // one failed connect is enough: more attempts would each wait out the connect timeout
                    results.add(connectFailure(message, cannotConnect));
                    continue;
                }
                MimeMessage mime;
                try {
                    mime = MimeMessages.build(sender.getSession(), message);
                } catch (MessagingException | RuntimeException e) {
                    results.add(new Result(message.leadId(), Outcome.PERMANENT_FAILURE,
                            "could not build the message: " + e.getMessage()));
                    continue;
                }
                if (connection == null) {
                    try {
                        connection = connections.borrow();
                    } catch (MessagingException | RuntimeException e) {
                        cannotConnect = e;
                        results.add(connectFailure(message, e));
                        continue;
                    }
                }
                try {
                    connection.sendMessage(mime, mime.getAllRecipients());
                    results.add(new Result(message.leadId(), Outcome.SENT, null));
                } catch (MessagingException | RuntimeException e) {
                    results.add(failure(message, e));
                    if (replyCode(e) == null) {
                        connections.discard(connection);
                        connection = null;
                    }
                }
            }
        } finally {
            if (connection != null) {
                connections.release(connection);
            }
        }
        return results;
    }

    /** Closes the kept connections when the application stops. */
    @Override
    public void close() {
        connections.close();
    }

    /** The server could not be reached or refused the session: not the recipient's fault, so it is retried. */
    private static Result connectFailure(RenderedMessage message, Exception error) {
        Integer code = replyCode(error);
        String detail = "could not connect to the SMTP server: " + (code == null ? "" : code + " ")
                + rootMessage(error);
        return new Result(message.leadId(), Outcome.TEMPORARY_FAILURE,
                detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    private static Result failure(RenderedMessage message, Exception error) {
        Integer code = replyCode(error);
        String detail = code == null ? "connection problem: " + rootMessage(error)
                : code + " " + rootMessage(error);
        Outcome outcome = code != null && code >= 500 ? Outcome.PERMANENT_FAILURE : Outcome.TEMPORARY_FAILURE;
        return new Result(message.leadId(), outcome, detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    /** The SMTP reply code carried by Angus Mail's SMTP exceptions anywhere in the cause chain. */
    private static Integer replyCode(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() != t ? t.getCause() : null) {
            try {
                Method method = t.getClass().getMethod("getReturnCode");
                Object code = method.invoke(t);
                if (code instanceof Integer c && c >= 400) {
                    return c;
                }
            } catch (ReflectiveOperationException ignored) {
                // not an SMTP exception
            }
            if (t instanceof jakarta.mail.MessagingException me && me.getNextException() != null
                    && me.getNextException() != t.getCause()) {
                Integer next = replyCode(me.getNextException());
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }
}
