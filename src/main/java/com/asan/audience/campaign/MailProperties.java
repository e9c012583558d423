package com.asan.audience.campaign;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code audience.mail.*}: how campaigns are delivered (the SMTP server itself is {@code spring.mail.*}).
 *
 * @param connections         parallel SMTP connections per node
 * @param chunk               recipients claimed at a time
 * @param ratePerSecond       messages per second per node
 * @param lease               how long a sender holds a campaign without renewing; another instance takes over after
 * @param retryBase           backoff before the first retry of a temporary failure (doubled each time)
 * @param maxIdle             a kept-open connection idle longer is closed rather than reused
 * @param campaignsInParallel campaigns one node delivers at once ({@code poll-every}, 5 s, is read by its schedule)
 */
@ConfigurationProperties("audience.mail")
public record MailProperties(@DefaultValue("4") int connections,
                             @DefaultValue("200") int chunk,
                             @DefaultValue("200") double ratePerSecond,
                             @DefaultValue("PT30S") Duration lease,
                             @DefaultValue("PT30S") Duration retryBase,
                             @DefaultValue("PT30S") Duration maxIdle,
                             @DefaultValue("2") int campaignsInParallel) {
}
