package com.asan.audience.countindex;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code audience.count-index.*}: the in-memory count indexes.
 *
 * @param enabled        false answers every count from PostgreSQL
 * @param maxBytes       memory cap of all indexes; the least recently used accounts are evicted beyond it
 * @param snapshots      whether loaded indexes are stored in PostgreSQL, so a restart loads them instead of reading
 *                       every lead ({@code snapshot-every}, 10 minutes, and {@code reconcile-every}, 1 minute, are
 *                       read by the schedules that use them)
 */
@ConfigurationProperties("audience.count-index")
public record CountIndexProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("2147483648") long maxBytes,
                                   @DefaultValue("true") boolean snapshots) {
}
