package com.asan.audience.lead;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/** The lead module's tables and columns, named once. */
final class LeadTables {

    static final Table<Record> LEADS = table(name("leads")).as("l");
    static final Field<Long> ACCOUNT_ID = field(name("l", "account_id"), Long.class);
    static final Field<Long> ID = field(name("l", "id"), Long.class);
    static final Field<String> FIRST_NAME = field(name("l", "first_name"), String.class);
    static final Field<String> LAST_NAME = field(name("l", "last_name"), String.class);
    static final Field<String> EMAIL = field(name("l", "email"), String.class);
    static final Field<String> PHONE = field(name("l", "phone"), String.class);
    static final Field<String> PHONE_TYPE = field(name("l", "phone_type"), String.class);
    static final Field<String> STATUS = field(name("l", "status"), String.class);
    static final Field<String> SOURCE = field(name("l", "source"), String.class);
    static final Field<Long> ASSIGNED_TO = field(name("l", "assigned_to"), Long.class);
    static final Field<String> EMAIL_STATUS = field(name("l", "email_status"), String.class);
    static final Field<JSONB> CUSTOM_FIELDS = field(name("l", "custom_fields"), JSONB.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("l", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> LAST_ACTIVE_AT = field(name("l", "last_active_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> UPDATED_AT = field(name("l", "updated_at"), OffsetDateTime.class);

    static final Table<Record> TAGS = table(name("tags")).as("t");
    static final Field<Long> TAG_ACCOUNT_ID = field(name("t", "account_id"), Long.class);
    static final Field<Long> TAG_ID = field(name("t", "id"), Long.class);
    static final Field<String> TAG_NAME = field(name("t", "name"), String.class);

    static final Table<Record> LEAD_TAGS = table(name("lead_tags")).as("lt");
    static final Field<Long> LT_ACCOUNT_ID = field(name("lt", "account_id"), Long.class);
    static final Field<Long> LT_LEAD_ID = field(name("lt", "lead_id"), Long.class);
    static final Field<Long> LT_TAG_ID = field(name("lt", "tag_id"), Long.class);

    static final Table<Record> CUSTOM_FIELD_DEFS = table(name("custom_fields")).as("cf");
    static final Field<Long> CF_ACCOUNT_ID = field(name("cf", "account_id"), Long.class);
    static final Field<String> CF_KEY = field(name("cf", "key"), String.class);
    static final Field<String> CF_LABEL = field(name("cf", "label"), String.class);
    static final Field<String> CF_TYPE = field(name("cf", "type"), String.class);
    static final Field<String[]> CF_OPTIONS = field(name("cf", "options"), String[].class);
    static final Field<Integer> CF_POSITION = field(name("cf", "position"), Integer.class);

    static final Table<Record> EMAIL_EVENTS = table(name("email_events")).as("e");
    static final Field<Long> EV_ACCOUNT_ID = field(name("e", "account_id"), Long.class);
    static final Field<Long> EV_ID = field(name("e", "id"), Long.class);
    static final Field<Long> EV_LEAD_ID = field(name("e", "lead_id"), Long.class);
    static final Field<Long> EV_CAMPAIGN_ID = field(name("e", "campaign_id"), Long.class);
    static final Field<String> EV_TYPE = field(name("e", "type"), String.class);
    static final Field<OffsetDateTime> EV_OCCURRED_AT = field(name("e", "occurred_at"), OffsetDateTime.class);
    static final Field<String> EV_URL = field(name("e", "url"), String.class);

    static final Table<Record> ENGAGEMENT_CAMPAIGNS = table(name("engagement_campaigns")).as("ec");
    static final Field<Long> EC_ACCOUNT_ID = field(name("ec", "account_id"), Long.class);
    static final Field<Long> EC_CAMPAIGN_ID = field(name("ec", "campaign_id"), Long.class);
    static final Field<OffsetDateTime> EC_SENT_AT = field(name("ec", "sent_at"), OffsetDateTime.class);

    private LeadTables() {
    }
}
