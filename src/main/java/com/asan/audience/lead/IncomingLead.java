package com.asan.audience.lead;

import java.util.Map;

/** One lead to write in bulk, as lead JSON, with the row it came from so outcomes can point back at it. */
public record IncomingLead(long rowNumber, Map<String, Object> json) {
}
