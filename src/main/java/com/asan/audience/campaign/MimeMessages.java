package com.asan.audience.campaign;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the MIME form of a rendered message: multipart/alternative (text and HTML) with our Message-ID. */
final class MimeMessages {

    private MimeMessages() {
    }

    static MimeMessage build(Session session, RenderedMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", message.messageId());
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        try {
            helper.setFrom(new InternetAddress(message.fromEmail(), message.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (message.replyTo() != null) {
            helper.setReplyTo(message.replyTo());
        }
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.saveChanges();
        return mime;
    }
}
