package com.asan.audience.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code audience.intake.*}: CSV imports and website forms.
 *
 * @param workers    imports one node runs at once
 * @param batchSize  rows written per transaction
 * @param lease      how long a runner holds an import without renewing; another instance resumes it after
 *                   ({@code sweep-every}, 10 s, is read by its schedule)
 */
@ConfigurationProperties("audience.intake")
public record IntakeProperties(@DefaultValue("2") int workers,
                               @DefaultValue("2000") int batchSize,
                               @DefaultValue("PT30S") Duration lease) {
}
