package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Without a working SMTP server every message is a temporary failure, found with a single connection attempt. */
class SmtpMailTransportTest {

    @Test
    void aServerThatNeverGreetsFailsTheWholeTakeTemporarilyAfterOneAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket client = silent.accept(); // accepted, never answered: the greeting read times out
                        attempts.incrementAndGet();
                        client.setSoLinger(false, 0);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(silent.getLocalPort());
            sender.getJavaMailProperties().put("mail.smtp.timeout", "300");
            try (SmtpMailTransport transport = new SmtpMailTransport(sender,
                    new SmtpConnections(sender, Duration.ofSeconds(30)))) {
                List<MailTransport.Result> results = transport.send(LongStream.rangeClosed(1, 3)
                        .mapToObj(SmtpMailTransportTest::message).toList());

                assertThat(results).extracting(MailTransport.Result::outcome)
                        .containsOnly(MailTransport.Outcome.TEMPORARY_FAILURE);
                assertThat(results).extracting(MailTransport.Result::leadId).containsExactly(1L, 2L, 3L);
                assertThat(results.get(2).detail()).startsWith("could not connect to the SMTP server");
                assertThat(attempts.get()).isEqualTo(1);
            }
        }
    }

    private static RenderedMessage message(long leadId) {
        return new RenderedMessage(leadId, "<" + leadId + "@test.example>", "Sender", "sender@test.example", null,
                "lead" + leadId + "@test.example", "Hello", "<p>Hi</p>", "Hi", Map.of());
    }
}
