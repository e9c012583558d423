package com.asan.audience.countindex;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The count index's meters: fallbacks to PostgreSQL, loads by source, change feed reads, and memory. */
final class IndexMetrics {

    final Counter fallbacks;
    final Counter restores;
    final Counter rebuilds;
    final Counter changeReads;

    IndexMetrics(MeterRegistry registry, AccountIndexes indexes) {
        fallbacks = Counter.builder("audience.countindex.fallbacks")
                .description("Counts answered by PostgreSQL because an index was building or did not cover the criteria")
                .register(registry);
        restores = Counter.builder("audience.countindex.loads").tag("from", "snapshot")
                .description("Account indexes loaded from a stored snapshot and the change feed").register(registry);
        rebuilds = Counter.builder("audience.countindex.loads").tag("from", "leads")
                .description("Account indexes built by reading every lead").register(registry);
        changeReads = Counter.builder("audience.countindex.change.reads")
                .description("Reads of the change feed to bring a loaded index up to date").register(registry);
        Gauge.builder("audience.countindex.bytes", indexes, AccountIndexes::totalBytes).baseUnit("bytes")
                .register(registry);
        Gauge.builder("audience.countindex.leads", indexes, AccountIndexes::totalLeads).register(registry);
        Gauge.builder("audience.countindex.bytes.per.lead", indexes,
                index -> index.totalLeads() == 0 ? 0 : (double) index.totalBytes() / index.totalLeads())
                .register(registry);
        Gauge.builder("audience.countindex.accounts", indexes, index -> index.loaded().size()).register(registry);
    }
}
