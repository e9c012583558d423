package com.asan.audience.campaign;

import java.util.List;

/** What a campaign says and to whom: the email's parts and the saved segment it goes to. */
record CampaignContent(String name, String subject, String preheader, String fromName, String fromEmail,
                       String replyTo, String html, long segmentId, List<Long> excludeSegmentIds) {
}
