package com.asan.audience.campaign;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code audience.tracking.*}: the keys that sign tracking and unsubscribe links.
 *
 * @param keyMaxAge           the signing key is replaced when older than this
 * @param previousKeyValidFor links signed with a replaced key keep working this long ({@code reload-every}, 1 minute,
 *                            is read by its schedule)
 */
@ConfigurationProperties("audience.tracking")
public record TrackingProperties(@DefaultValue("P365D") Duration keyMaxAge,
                                 @DefaultValue("P90D") Duration previousKeyValidFor) {
}
