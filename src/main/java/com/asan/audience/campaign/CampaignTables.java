package com.asan.audience.campaign;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/** The campaign module's tables and columns, named once. */
final class CampaignTables {

    static final Table<Record> CAMPAIGNS = table(name("campaigns")).as("c");
    static final Field<Long> ACCOUNT_ID = field(name("c", "account_id"), Long.class);
    static final Field<Long> ID = field(name("c", "id"), Long.class);
    static final Field<String> NAME = field(name("c", "name"), String.class);
    static final Field<String> STATUS = field(name("c", "status"), String.class);
    static final Field<OffsetDateTime> SENT_AT = field(name("c", "sent_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("c", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> UPDATED_AT = field(name("c", "updated_at"), OffsetDateTime.class);
    static final Field<String> SUBJECT = field(name("c", "subject"), String.class);
    static final Field<String> PREHEADER = field(name("c", "preheader"), String.class);
    static final Field<String> FROM_NAME = field(name("c", "from_name"), String.class);
    static final Field<String> FROM_EMAIL = field(name("c", "from_email"), String.class);
    static final Field<String> REPLY_TO = field(name("c", "reply_to"), String.class);
    static final Field<String> HTML = field(name("c", "html"), String.class);
    static final Field<Long> SEGMENT_ID = field(name("c", "segment_id"), Long.class);
    static final Field<Long[]> EXCLUDE_SEGMENT_IDS = field(name("c", "exclude_segment_ids"), Long[].class);
    static final Field<OffsetDateTime> SEND_AT = field(name("c", "send_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> STARTED_AT = field(name("c", "started_at"), OffsetDateTime.class);
    static final Field<JSONB> CRITERIA_USED = field(name("c", "criteria_used"), JSONB.class);
    static final Field<String> FAILURE = field(name("c", "failure"), String.class);
    static final Field<String> LEASE_OWNER = field(name("c", "lease_owner"), String.class);
    static final Field<OffsetDateTime> LEASE_UNTIL = field(name("c", "lease_until"), OffsetDateTime.class);

    static final Table<Record> RECIPIENTS = table(name("campaign_recipients")).as("r");
    static final Field<Long> R_ACCOUNT_ID = field(name("r", "account_id"), Long.class);
    static final Field<Long> R_CAMPAIGN_ID = field(name("r", "campaign_id"), Long.class);
    static final Field<Long> R_LEAD_ID = field(name("r", "lead_id"), Long.class);
    static final Field<String> R_EMAIL = field(name("r", "email"), String.class);
    static final Field<String> R_STATUS = field(name("r", "status"), String.class);
    static final Field<String> R_REASON = field(name("r", "reason"), String.class);
    static final Field<Integer> R_ATTEMPTS = field(name("r", "attempts"), Integer.class);
    static final Field<OffsetDateTime> R_NEXT_ATTEMPT_AT = field(name("r", "next_attempt_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> R_SENT_AT = field(name("r", "sent_at"), OffsetDateTime.class);
    static final Field<String> R_MESSAGE_ID = field(name("r", "message_id"), String.class);

    private CampaignTables() {
    }
}
