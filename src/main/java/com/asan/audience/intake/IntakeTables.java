package com.asan.audience.intake;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/** The intake module's tables and columns, named once. */
final class IntakeTables {

    static final Table<Record> IMPORTS = table(name("imports")).as("i");
    static final Field<Long> ACCOUNT_ID = field(name("i", "account_id"), Long.class);
    static final Field<Long> ID = field(name("i", "id"), Long.class);
    static final Field<String> FILE_NAME = field(name("i", "file_name"), String.class);
    static final Field<Long> FILE_BYTES = field(name("i", "file_bytes"), Long.class);
    static final Field<String> ENCODING = field(name("i", "encoding"), String.class);
    static final Field<String> DELIMITER = field(name("i", "delimiter"), String.class);
    static final Field<String> STATUS = field(name("i", "status"), String.class);
    static final Field<JSONB> OPTIONS = field(name("i", "options"), JSONB.class);
    static final Field<Long> CREATED_BY = field(name("i", "created_by"), Long.class);
    static final Field<Long> TOTAL_ROWS = field(name("i", "total_rows"), Long.class);
    static final Field<Long> NEXT_ROW = field(name("i", "next_row"), Long.class);
    static final Field<Long> CREATED = field(name("i", "created"), Long.class);
    static final Field<Long> UPDATED = field(name("i", "updated"), Long.class);
    static final Field<Long> SKIPPED = field(name("i", "skipped"), Long.class);
    static final Field<Long> FAILED = field(name("i", "failed"), Long.class);
    static final Field<String> FAILURE = field(name("i", "failure"), String.class);
    static final Field<String> LEASE_OWNER = field(name("i", "lease_owner"), String.class);
    static final Field<OffsetDateTime> LEASE_UNTIL = field(name("i", "lease_until"), OffsetDateTime.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("i", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> STARTED_AT = field(name("i", "started_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> FINISHED_AT = field(name("i", "finished_at"), OffsetDateTime.class);

    static final Table<Record> CHUNKS = table(name("import_chunks")).as("c");
    static final Field<Long> CH_ACCOUNT_ID = field(name("c", "account_id"), Long.class);
    static final Field<Long> CH_IMPORT_ID = field(name("c", "import_id"), Long.class);
    static final Field<Integer> CH_SEQ = field(name("c", "seq"), Integer.class);
    static final Field<byte[]> CH_DATA = field(name("c", "data"), byte[].class);

    static final Table<Record> ERRORS = table(name("import_errors")).as("ie");
    static final Field<Long> ER_ACCOUNT_ID = field(name("ie", "account_id"), Long.class);
    static final Field<Long> ER_IMPORT_ID = field(name("ie", "import_id"), Long.class);
    static final Field<Long> ER_ROW = field(name("ie", "row_number"), Long.class);
    static final Field<String> ER_COLUMN = field(name("ie", "column_name"), String.class);
    static final Field<String> ER_VALUE = field(name("ie", "value"), String.class);
    static final Field<String> ER_MESSAGE = field(name("ie", "message"), String.class);

    static final Table<Record> FORMS = table(name("intake_forms")).as("f");
    static final Field<Long> F_ACCOUNT_ID = field(name("f", "account_id"), Long.class);
    static final Field<String> F_KEY = field(name("f", "key"), String.class);
    static final Field<String> F_NAME = field(name("f", "name"), String.class);
    static final Field<String[]> F_ORIGINS = field(name("f", "allowed_origins"), String[].class);
    static final Field<String> F_REDIRECT = field(name("f", "redirect_url"), String.class);
    static final Field<String[]> F_TAGS = field(name("f", "tags"), String[].class);
    static final Field<Long> F_SUBMISSIONS = field(name("f", "submissions"), Long.class);
    static final Field<OffsetDateTime> F_CREATED_AT = field(name("f", "created_at"), OffsetDateTime.class);

    private IntakeTables() {
    }
}
