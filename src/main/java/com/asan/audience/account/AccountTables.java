package com.asan.audience.account;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The account module's tables, named once. */
final class AccountTables {

    static final Table<Record> ACCOUNTS = table(name("accounts"));
    static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    static final Field<String> NAME = field(name("name"), String.class);
    static final Field<String> TIME_ZONE = field(name("time_zone"), String.class);
    static final Field<String> DEFAULT_REGION = field(name("default_region"), String.class);
    static final Field<String> POSTAL_ADDRESS = field(name("postal_address"), String.class);

    static final Table<Record> TEAM_MEMBERS = table(name("team_members"));
    static final Field<Long> ID = field(name("id"), Long.class);
    static final Field<String> EMAIL = field(name("email"), String.class);
    static final Field<String> ROLE = field(name("role"), String.class);
    static final Field<String> PASSWORD_HASH = field(name("password_hash"), String.class);

    static final Table<Record> LOGIN_DIRECTORY = table(name("login_directory"));
    static final Field<Long> MEMBER_ID = field(name("member_id"), Long.class);

    static final Table<Record> API_KEYS = table(name("api_keys"));
    static final Field<String> KEY_HASH = field(name("key_hash"), String.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> REVOKED_AT = field(name("revoked_at"), OffsetDateTime.class);

    static final Field<Long> TM_ACCOUNT_ID = field(name("tm", "account_id"), Long.class);
    static final Field<Long> TM_ID = field(name("tm", "id"), Long.class);
    static final Field<String> TM_EMAIL = field(name("tm", "email"), String.class);
    static final Field<String> TM_NAME = field(name("tm", "name"), String.class);
    static final Field<String> TM_ROLE = field(name("tm", "role"), String.class);
    static final Field<String> TM_PASSWORD_HASH = field(name("tm", "password_hash"), String.class);
    static final Field<Integer> TM_SESSION_VERSION = field(name("tm", "session_version"), Integer.class);
    static final Field<String> AGENT_LEAD_ACCESS = field(name("agent_lead_access"), String.class);
    static final Field<Integer> SESSION_VERSION = field(name("session_version"), Integer.class);
    static final Field<Long> D_ACCOUNT_ID = field(name("d", "account_id"), Long.class);
    static final Field<Long> D_MEMBER_ID = field(name("d", "member_id"), Long.class);
    static final Field<String> D_EMAIL = field(name("d", "email"), String.class);
    static final Field<Long> K_ACCOUNT_ID = field(name("k", "account_id"), Long.class);
    static final Field<Long> K_MEMBER_ID = field(name("k", "member_id"), Long.class);
    static final Field<String> K_KEY_HASH = field(name("k", "key_hash"), String.class);
    static final Field<OffsetDateTime> K_REVOKED_AT = field(name("k", "revoked_at"), OffsetDateTime.class);

    private AccountTables() {
    }
}
