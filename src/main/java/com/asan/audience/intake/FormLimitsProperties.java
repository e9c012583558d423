package com.asan.audience.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code audience.intake.forms.*}: limits of the public form endpoint (a record of its own: environment variables
 * reach top-level records' fields, not a nested record's).
 *
 * @param perIpPerMinute   submissions per client address and form per minute (per instance)
 * @param perFormPerMinute submissions per form per minute (per instance)
 */
@ConfigurationProperties("audience.intake.forms")
public record FormLimitsProperties(@DefaultValue("10") int perIpPerMinute, @DefaultValue("300") int perFormPerMinute) {
}
