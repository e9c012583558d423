package com.asan.audience.intake;

import java.time.OffsetDateTime;
import java.util.List;

/** A website form: its public key, the origins allowed to post it, where to send people after, tags to add. */
public record FormView(String key, String name, List<String> allowedOrigins, String redirectUrl, List<String> tags,
                       long submissions, OffsetDateTime createdAt) {
}
