package com.asan.audience.campaign;

import java.util.Map;

/** One personalised email, ready for a transport. */
record RenderedMessage(long leadId, String messageId, String fromName, String fromEmail, String replyTo, String to,
                       String subject, String html, String text, Map<String, String> headers) {
}
