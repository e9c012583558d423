package com.asan.audience.campaign;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the MIME form of a rendered message: multipart/alternative (text, then HTML) with our Message-ID.
 * Built by hand rather than with Spring's MimeMessageHelper, which parses the mime.types file for every message
 * (measured: that parse dominated the send time).
 */
final class MimeMessages {

    private MimeMessages() {
    }

    /** The RFC 5322 Date header, formatted once per second rather than once per message. */
    private record SentDate(long second, String formatted) {
        private static volatile SentDate last = new SentDate(-1, "");

        static String now() {
            long current = System.currentTimeMillis() / 1000;
            SentDate date = last;
            if (date.second() != current) {
                date = new SentDate(current, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochSecond(current).atOffset(ZoneOffset.UTC)));
                last = date;
            }
            return date.formatted();
        }
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
        mime.setHeader("Date", SentDate.now());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        // named up front, so saving the message does not scan each body to choose an encoding (seen in profiles)
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
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
