package com.asan.audience.campaign;

import java.util.List;

/** Hands rendered messages to a mail system and reports, per message, how it went. */
interface MailTransport {

    enum Outcome { SENT, TEMPORARY_FAILURE, PERMANENT_FAILURE }

    record Result(long leadId, Outcome outcome, String detail) {
    }

    /** Sends the messages over one connection; never throws for a delivery problem, it reports it. */
    List<Result> send(List<RenderedMessage> messages);

    /** True when messages go to .eml files instead of an SMTP server (no SMTP configured). */
    boolean outbox();
}
