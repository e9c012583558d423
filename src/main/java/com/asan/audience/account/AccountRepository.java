package com.asan.audience.account;

import static com.asan.audience.account.AccountTables.*;
import static org.jooq.impl.DSL.lower;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import com.asan.audience.shared.ConflictException;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL for accounts, team members, the sign-in directory and API keys. Every query is scoped by account. */
@Repository
class AccountRepository {

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    long insertAccount(String name, String timeZone, String region) {
        return db.insertInto(ACCOUNTS).set(NAME, name).set(TIME_ZONE, timeZone).set(DEFAULT_REGION, region)
                .returning(ACCOUNT_ID).fetchOne(ACCOUNT_ID);
    }

    boolean anyAccount() {
        return db.fetchExists(ACCOUNTS);
    }

    Optional<AccountSettings> findAccount(long accountId) {
        return db.select(ACCOUNT_ID, NAME, TIME_ZONE, DEFAULT_REGION, POSTAL_ADDRESS, AGENT_LEAD_ACCESS).from(ACCOUNTS)
                .where(ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new AccountSettings(r.get(ACCOUNT_ID), r.get(NAME), r.get(TIME_ZONE),
                        r.get(DEFAULT_REGION), r.get(POSTAL_ADDRESS), r.get(AGENT_LEAD_ACCESS)));
    }

    void updateAccount(AccountSettings settings) {
        db.update(ACCOUNTS).set(NAME, settings.name()).set(TIME_ZONE, settings.timeZone())
                .set(DEFAULT_REGION, settings.defaultRegion()).set(POSTAL_ADDRESS, settings.postalAddress())
                .set(AGENT_LEAD_ACCESS, settings.agentLeadAccess())
                .where(ACCOUNT_ID.eq(settings.id())).execute();
    }

    /** A concurrent sign-up or member with the same email makes this a 409 (the transaction then rolls back). */
    long insertMember(long accountId, String name, String email, Role role, String passwordHash) {
        try {
            long id = db.insertInto(TEAM_MEMBERS).set(ACCOUNT_ID, accountId).set(NAME, name).set(EMAIL, email)
                    .set(ROLE, role.wire()).set(PASSWORD_HASH, passwordHash).returning(ID).fetchOne(ID);
            db.insertInto(LOGIN_DIRECTORY).set(EMAIL, email.toLowerCase(java.util.Locale.ROOT))
                    .set(ACCOUNT_ID, accountId).set(MEMBER_ID, id).execute();
            return id;
        } catch (DuplicateKeyException e) {
            throw emailTakenConflict();
        }
    }

    static ConflictException emailTakenConflict() {
        return new ConflictException("email", "A user with this email already exists");
    }

    boolean emailTaken(String email) {
        return db.fetchExists(LOGIN_DIRECTORY, EMAIL.eq(email.toLowerCase(java.util.Locale.ROOT)));
    }

    List<TeamMember> members(long accountId) {
        return db.select(ID, NAME, EMAIL, ROLE).from(TEAM_MEMBERS).where(ACCOUNT_ID.eq(accountId)).orderBy(ID)
                .fetch(AccountRepository::toMember);
    }

    Optional<TeamMember> member(long accountId, long memberId) {
        return db.select(ID, NAME, EMAIL, ROLE).from(TEAM_MEMBERS)
                .where(ACCOUNT_ID.eq(accountId), ID.eq(memberId)).fetchOptional(AccountRepository::toMember);
    }

    void updateMember(long accountId, long memberId, String name, String email, Role role, String passwordHash) {
        try {
            updateMemberRow(accountId, memberId, name, email, role, passwordHash);
        } catch (DuplicateKeyException e) {
            throw emailTakenConflict();
        }
    }

    private void updateMemberRow(long accountId, long memberId, String name, String email, Role role,
                                 String passwordHash) {
        var update = db.update(TEAM_MEMBERS).set(NAME, name).set(EMAIL, email).set(ROLE, role.wire());
        if (passwordHash != null) {
            update = update.set(PASSWORD_HASH, passwordHash);
        }
        update.where(ACCOUNT_ID.eq(accountId), ID.eq(memberId)).execute();
        db.update(LOGIN_DIRECTORY).set(EMAIL, email.toLowerCase(java.util.Locale.ROOT))
                .where(ACCOUNT_ID.eq(accountId), MEMBER_ID.eq(memberId)).execute();
    }

    /** The member's current session version, or empty when the member no longer exists. */
    Optional<Integer> sessionVersion(long accountId, long memberId) {
        return db.select(SESSION_VERSION).from(TEAM_MEMBERS).where(ACCOUNT_ID.eq(accountId), ID.eq(memberId))
                .fetchOptional(SESSION_VERSION);
    }

    /** Ends every browser session of the member signed in before now (they hold the older version). */
    void raiseSessionVersion(long accountId, long memberId) {
        db.update(TEAM_MEMBERS).set(SESSION_VERSION, SESSION_VERSION.plus(1))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(memberId)).execute();
    }

    void deleteMember(long accountId, long memberId) {
        db.deleteFrom(TEAM_MEMBERS).where(ACCOUNT_ID.eq(accountId), ID.eq(memberId)).execute();
    }

    long countOwners(long accountId) {
        return db.fetchCount(TEAM_MEMBERS, ACCOUNT_ID.eq(accountId), ROLE.eq(Role.OWNER.wire()));
    }

    Optional<MemberPrincipal> principalByEmail(String email) {
        return db.select(TM_ACCOUNT_ID, TM_ID, TM_EMAIL, TM_NAME, TM_ROLE, TM_PASSWORD_HASH, TM_SESSION_VERSION)
                .from(LOGIN_DIRECTORY.as("d"))
                .join(TEAM_MEMBERS.as("tm")).on(TM_ACCOUNT_ID.eq(D_ACCOUNT_ID).and(TM_ID.eq(D_MEMBER_ID)))
                .where(D_EMAIL.eq(email.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(AccountRepository::toPrincipal);
    }

    Optional<MemberPrincipal> principalByApiKey(long accountId, String keyHash) {
        return db.select(TM_ACCOUNT_ID, TM_ID, TM_EMAIL, TM_NAME, TM_ROLE, TM_PASSWORD_HASH, TM_SESSION_VERSION)
                .from(API_KEYS.as("k"))
                .join(TEAM_MEMBERS.as("tm")).on(TM_ACCOUNT_ID.eq(K_ACCOUNT_ID).and(TM_ID.eq(K_MEMBER_ID)))
                .where(K_ACCOUNT_ID.eq(accountId), K_KEY_HASH.eq(keyHash), K_REVOKED_AT.isNull())
                .fetchOptional(AccountRepository::toPrincipal);
    }

    long insertApiKey(long accountId, long memberId, String name, String keyHash) {
        return db.insertInto(API_KEYS).set(ACCOUNT_ID, accountId).set(MEMBER_ID, memberId).set(NAME, name)
                .set(KEY_HASH, keyHash).returning(ID).fetchOne(ID);
    }

    boolean revokeApiKey(long accountId, long keyId) {
        return db.update(API_KEYS).set(REVOKED_AT, OffsetDateTime.now())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(keyId), REVOKED_AT.isNull()).execute() == 1;
    }

    /** Every key of the account, or only one member's when {@code memberId} is given. */
    List<ApiKeyView> apiKeys(long accountId, Long memberId) {
        return db.select(ID, NAME, MEMBER_ID, CREATED_AT, REVOKED_AT).from(API_KEYS)
                .where(ACCOUNT_ID.eq(accountId), memberId == null ? DSL.noCondition() : MEMBER_ID.eq(memberId))
                .orderBy(ID)
                .fetch(r -> new ApiKeyView(r.get(ID), r.get(NAME), r.get(MEMBER_ID), r.get(CREATED_AT),
                        r.get(REVOKED_AT), null));
    }

    Optional<ApiKeyView> apiKey(long accountId, long keyId) {
        return apiKeys(accountId, null).stream().filter(k -> k.id() == keyId).findFirst();
    }

    boolean memberEmailTakenByOther(long accountId, long memberId, String email) {
        return db.fetchExists(LOGIN_DIRECTORY, EMAIL.eq(email.toLowerCase(java.util.Locale.ROOT))
                .and(ACCOUNT_ID.ne(accountId).or(MEMBER_ID.ne(memberId))));
    }

    private static TeamMember toMember(Record r) {
        return new TeamMember(r.get(ID), r.get(NAME), r.get(EMAIL), r.get(ROLE));
    }

    private static MemberPrincipal toPrincipal(Record r) {
        return new MemberPrincipal(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                r.get(3, String.class), Role.parse(r.get(4, String.class)).orElseThrow(), r.get(5, String.class),
                r.get(6, Integer.class));
    }
}
