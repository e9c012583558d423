package com.asan.audience.intake;

import static com.asan.audience.intake.IntakeTables.*;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** SQL for website forms. */
@Repository
class FormRepository {

    private final DSLContext db;

    FormRepository(DSLContext db) {
        this.db = db;
    }

    void insert(long accountId, FormView form) {
        db.insertInto(FORMS).set(F_ACCOUNT_ID, accountId).set(F_KEY, form.key()).set(F_NAME, form.name())
                .set(F_ORIGINS, form.allowedOrigins().toArray(String[]::new)).set(F_REDIRECT, form.redirectUrl())
                .set(F_TAGS, form.tags().toArray(String[]::new)).execute();
    }

    void update(long accountId, FormView form) {
        db.update(FORMS).set(F_NAME, form.name()).set(F_ORIGINS, form.allowedOrigins().toArray(String[]::new))
                .set(F_REDIRECT, form.redirectUrl()).set(F_TAGS, form.tags().toArray(String[]::new))
                .where(F_ACCOUNT_ID.eq(accountId), F_KEY.eq(form.key())).execute();
    }

    boolean delete(long accountId, String key) {
        return db.deleteFrom(FORMS).where(F_ACCOUNT_ID.eq(accountId), F_KEY.eq(key)).execute() == 1;
    }

    Optional<FormView> find(long accountId, String key) {
        return db.select(FORMS.fields()).from(FORMS).where(F_ACCOUNT_ID.eq(accountId), F_KEY.eq(key))
                .fetchOptional(FormRepository::toView);
    }

    List<FormView> all(long accountId) {
        return db.select(FORMS.fields()).from(FORMS).where(F_ACCOUNT_ID.eq(accountId)).orderBy(F_CREATED_AT)
                .fetch(FormRepository::toView);
    }

    void countSubmission(long accountId, String key) {
        db.update(FORMS).set(F_SUBMISSIONS, F_SUBMISSIONS.plus(1))
                .where(F_ACCOUNT_ID.eq(accountId), F_KEY.eq(key)).execute();
    }

    private static FormView toView(Record r) {
        return new FormView(r.get(F_KEY), r.get(F_NAME), Arrays.asList(r.get(F_ORIGINS)), r.get(F_REDIRECT),
                Arrays.asList(r.get(F_TAGS)), r.get(F_SUBMISSIONS), r.get(F_CREATED_AT));
    }
}
