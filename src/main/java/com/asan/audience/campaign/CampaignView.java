package com.asan.audience.campaign;

import java.time.OffsetDateTime;

/** A campaign as the API shows it. */
public record CampaignView(long id, String name, String status, OffsetDateTime sentAt, OffsetDateTime createdAt) {
}
