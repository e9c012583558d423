package com.asan.audience.campaign;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between messages, so a send does not pay a connect, greeting and EHLO per chunk.
 * A connection idle longer than {@code maxIdle} is closed rather than reused: servers drop idle sessions, and a
 * reused dead one would cost a failed attempt. A kept connection is checked before each reuse (Angus Mail's
 * {@code isConnected()} sends a NOOP): one the server closed meanwhile, or a restarted server, costs a reconnect
 * rather than a failed delivery and its retry delay. A caller reuses a connection for ten messages at most.
 */
final class SmtpConnections implements AutoCloseable {

    private record Idle(Transport transport, long since) {
    }

    private final JavaMailSenderImpl sender;
    private final long maxIdleNanos;
    private final Deque<Idle> idle = new ArrayDeque<>();

    SmtpConnections(JavaMailSenderImpl sender, Duration maxIdle) {
        this.sender = sender;
        this.maxIdleNanos = maxIdle.toNanos();
    }

    /** An open connection: a kept one when one is fresh enough, else a new one. */
    Transport borrow() throws MessagingException {
        while (true) {
            Idle kept;
            synchronized (idle) {
                kept = idle.pollFirst();
            }
            if (kept == null) {
                return connect();
            }
            if (System.nanoTime() - kept.since() <= maxIdleNanos && kept.transport().isConnected()) {
                return kept.transport();
            }
            close(kept.transport());
        }
    }

    /** Keeps a connection that last worked; one that failed is {@linkplain #discard discarded} instead. */
    void release(Transport transport) {
        synchronized (idle) {
            idle.addFirst(new Idle(transport, System.nanoTime()));
        }
    }

    void discard(Transport transport) {
        if (transport != null) {
            close(transport);
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp"
                : sender.getProtocol());
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection; nothing to recover
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.forEach(kept -> close(kept.transport()));
            idle.clear();
        }
    }
}
