package com.asan.audience.campaign;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP when {@code spring.mail.host} is set (Boot then creates the mail sender); otherwise the .eml outbox. */
@Configuration
class MailTransportConfiguration {

    /**
     * Jakarta Mail 2.1 looks its stream provider up through ServiceLoader (a scan of every jar) several times per
     * message unless this property names it; the scan was most of the CPU time of sending (measured with JFR).
     */
    static {
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSenderImpl> smtp,
                                @Value("${audience.data-dir}") String dataDir,
                                MailProperties mail) {
        java.time.Duration maxIdle = mail.maxIdle();
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        if (sender != null) {
            java.util.Properties properties = sender.getJavaMailProperties();
            properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
            properties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
            properties.putIfAbsent("mail.smtp.timeout", "30000");
            // no default write timeout: Angus Mail enforces it with a scheduler thread per connection and a task per
            // write (measured: 13% fewer messages/s); a stalled server is still caught by the read timeout, since
            // every message ends waiting for a reply. Set spring.mail.properties.mail.smtp.writetimeout to add one.
            sender.setJavaMailProperties(properties);
        }
        return sender != null ? new SmtpMailTransport(sender, new SmtpConnections(sender, maxIdle)) : new OutboxMailTransport(Path.of(dataDir, "outbox"));
    }
}
