package com.asan.audience.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code audience.api-keys.*}.
 *
 * @param remember how long an instance trusts an API key it checked, so a burst of calls costs one lookup;
 *                 revocations made on another instance wait this long; 0 turns it off
 */
@ConfigurationProperties("audience.api-keys")
public record ApiKeyProperties(@DefaultValue("PT5S") Duration remember) {
}
