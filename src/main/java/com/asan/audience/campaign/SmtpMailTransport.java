package com.asan.audience.campaign;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code spring.mail.*}. A 4xx reply or a dropped connection is a temporary
 * failure (retried later); a 5xx reply is permanent and its text becomes the recipient's reason.
 */
final class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    SmtpMailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public boolean outbox() {
        return false;
    }

    @Override
    public List<Result> send(List<RenderedMessage> messages) {
        List<Result> results = new ArrayList<>();
        Map<MimeMessage, RenderedMessage> built = new IdentityHashMap<>();
        List<MimeMessage> batch = new ArrayList<>();
        for (RenderedMessage message : messages) {
            try {
                MimeMessage mime = MimeMessages.build(sender.getSession(), message);
                built.put(mime, message);
                batch.add(mime);
            } catch (MessagingException | RuntimeException e) {
                results.add(new Result(message.leadId(), Outcome.PERMANENT_FAILURE, "could not build the message: "
                        + e.getMessage()));
            }
        }
        Map<Object, Exception> failed = Map.of();
        try {
            sender.send(batch.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
            if (failed.isEmpty()) {
                batch.forEach(mime -> results.add(failure(built.get(mime), e)));
                return results;
            }
        } catch (MailException e) {
            batch.forEach(mime -> results.add(failure(built.get(mime), e)));
            return results;
        }
        for (MimeMessage mime : batch) {
            Exception error = failed.get(mime);
            results.add(error == null ? new Result(built.get(mime).leadId(), Outcome.SENT, null)
                    : failure(built.get(mime), error));
        }
        return results;
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
