package com.asan.audience.campaign;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;

/**
 * Builds the MIME form of a rendered message: multipart/alternative (text, then HTML) with our Message-ID.
 * Built by hand rather than with Spring's MimeMessageHelper, which parses the mime.types file for every message
 * (measured: that parse dominated the send time).
 */
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
        try {
            mime.setFrom(new InternetAddress(message.fromEmail(), message.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (message.replyTo() != null) {
            mime.setReplyTo(InternetAddress.parse(message.replyTo()));
        }
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to()));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.saveChanges();
        return mime;
    }
}
