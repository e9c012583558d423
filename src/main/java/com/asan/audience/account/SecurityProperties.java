package com.asan.audience.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account module's settings under {@code audience.*}: sign-up, its limit and the phone region of new accounts
 * (API-key memory is {@link ApiKeyProperties}).
 *
 * @param signupEnabled      whether {@code POST /api/accounts} is open
 * @param signUpsPerAddress  sign-ups per client address in 10 minutes (per instance)
 * @param defaultRegion      phone region of new accounts
 */
@ConfigurationProperties("audience")
public record SecurityProperties(@DefaultValue("true") boolean signupEnabled,
                                 @DefaultValue("5") int signUpsPerAddress,
                                 @DefaultValue("CA") String defaultRegion) {
}
