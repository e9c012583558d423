package com.asan.audience.account;

import static com.asan.audience.account.AccountInputs.checkPassword;
import static com.asan.audience.account.AccountInputs.required;
import static com.asan.audience.account.AccountInputs.throwIfAny;
import static com.asan.audience.account.AccountInputs.validEmail;
import static com.asan.audience.account.AccountInputs.validRole;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.EmailAddresses;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.ForbiddenException;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.SlidingWindow;
import com.asan.audience.shared.TextLimits;
import com.asan.audience.shared.TooManyRequestsException;
import java.time.Duration;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, account settings and the team. Callers pass the account of the signed-in member. */
@Service
public class AccountFacade {

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final ApiKeys apiKeys;
    private final MemberSessions sessions;
    private final ApplicationEventPublisher events;
    private final boolean signUpEnabled;
    private final SlidingWindow signUps;
    private final String defaultRegion;

    private final AuditLog audit;

    AccountFacade(AccountRepository repository, PasswordEncoder passwords, ApiKeys apiKeys, MemberSessions sessions,
                  ApplicationEventPublisher events,
                  SecurityProperties properties, java.time.Clock clock, AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.passwords = passwords;
        this.apiKeys = apiKeys;
        this.sessions = sessions;
        this.events = events;
        this.signUpEnabled = properties.signupEnabled();
        this.signUps = new SlidingWindow(properties.signUpsPerAddress(), Duration.ofMinutes(10), clock);
        this.defaultRegion = properties.defaultRegion().toUpperCase(Locale.ROOT);
    }

    public record SignUp(String accountName, String name, String email, String password) {
    }

    public record MemberChange(String name, String email, String role, String password) {
    }

    public record SettingsChange(String name, String timeZone, String defaultRegion, String postalAddress,
                                 String agentLeadAccess) {
    }

    /** Public sign-up; refused when the deployment switched it off, and limited per client address. */
    @Transactional
    public SignUpResult signUp(SignUp request, String clientAddress) {
        if (!signUpEnabled) {
            throw new ForbiddenException("Sign-up is disabled on this deployment");
        }
        Duration wait = signUps.tryRecord(clientAddress);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("Too many sign-ups from this address; try again later", wait);
        }
        return createAccount(request);
    }

    /** Creates an account with its owner and a first API key, whatever the sign-up switch says (demo data). */
    @Transactional
    public SignUpResult createAccount(SignUp request) {
        List<FieldViolation> violations = new ArrayList<>();
        String accountName = required(request.accountName(), "accountName", violations);
        String name = required(request.name(), "name", violations);
        String email = validEmail(request.email(), "email", violations);
        checkPassword(request.password(), "password", true, email, accountName, violations);
        throwIfAny(violations);
        if (repository.emailTaken(email)) {
            throw new ConflictException("email", "A user with this email already exists");
        }
        long accountId = repository.insertAccount(accountName, "UTC", defaultRegion);
        long ownerId = repository.insertMember(accountId, name, email, Role.OWNER, passwords.encode(request.password()));
        ApiKeyView key = apiKeys.create(accountId, ownerId, "Default key");
        return new SignUpResult(accountId, ownerId, key.apiKey());
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return repository.anyAccount();
    }

    @Transactional(readOnly = true)
    public AccountSettings settings(long accountId) {
        return repository.findAccount(accountId).orElseThrow(() -> new NotFoundException("Account"));
    }

    @Transactional
    public AccountSettings changeSettings(MemberPrincipal caller, SettingsChange change) {
        caller.require(Permission.ACCOUNT_SETTINGS);
        AccountSettings current = settings(caller.accountId());
        List<FieldViolation> violations = new ArrayList<>();
        String name = change.name() == null ? current.name() : required(change.name(), "name", violations);
        String zone = current.timeZone();
        if (change.timeZone() != null) {
            try {
                zone = ZoneId.of(change.timeZone().strip()).getId();
            } catch (DateTimeException e) {
                violations.add(new FieldViolation("timeZone", "is not an IANA time zone such as America/Toronto"));
            }
        }
        String region = current.defaultRegion();
        if (change.defaultRegion() != null) {
            region = change.defaultRegion().strip().toUpperCase(Locale.ROOT);
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
                violations.add(new FieldViolation("defaultRegion", "is not a two-letter region code such as CA"));
            }
        }
        String address = change.postalAddress() == null ? current.postalAddress()
                : TextLimits.clean(change.postalAddress(), "postalAddress", violations);
        String access = change.agentLeadAccess() == null ? current.agentLeadAccess() : change.agentLeadAccess().strip();
        if (!access.equals(AccountSettings.ALL_LEADS) && !access.equals(AccountSettings.ASSIGNED_LEADS)) {
            violations.add(new FieldViolation("agentLeadAccess", "must be all or assigned"));
        }
        throwIfAny(violations);
        AccountSettings updated = new AccountSettings(current.id(), name, zone, region, address, access);
        repository.updateAccount(updated);
        audit.record(caller, "account.changed", caller.accountId(), "Changed the account settings",
                settingsValues(current), settingsValues(updated));
        return updated;
    }

    @Transactional(readOnly = true)
    public List<TeamMember> members(long accountId) {
        return repository.members(accountId);
    }

    @Transactional(readOnly = true)
    public TeamMember member(long accountId, long memberId) {
        return repository.member(accountId, memberId).orElseThrow(() -> new NotFoundException("Team member"));
    }

    @Transactional(readOnly = true)
    public boolean isMember(long accountId, long memberId) {
        return repository.member(accountId, memberId).isPresent();
    }

    @Transactional
    public TeamMember addMember(MemberPrincipal caller, MemberChange request) {
        requireTeamManager(caller);
        List<FieldViolation> violations = new ArrayList<>();
        String name = required(request.name(), "name", violations);
        String email = validEmail(request.email(), "email", violations);
        Role role = validRole(request.role(), violations);
        if (request.password() != null) {
            checkPassword(request.password(), "password", false, email,
                    settings(caller.accountId()).name(), violations);
        }
        throwIfAny(violations);
        requireMayGrant(caller, role);
        if (repository.emailTaken(email)) {
            throw new ConflictException("email", "A user with this email already exists");
        }
        String hash = request.password() == null ? null : passwords.encode(request.password());
        long id = repository.insertMember(caller.accountId(), name, email, role, hash);
        audit.record(caller, "team-member.added", id, "Added " + email + " as " + role.wire(), null,
                Map.of("name", name, "email", email, "role", role.wire()));
        return new TeamMember(id, name, email, role.wire());
    }

    /** Adds a member without a signed-in caller: for seeding demo data only. */
    @Transactional
    public TeamMember seedMember(long accountId, String name, String email, Role role) {
        long id = repository.insertMember(accountId, name, email, role, null);
        return new TeamMember(id, name, email, role.wire());
    }

    @Transactional
    public TeamMember changeMember(MemberPrincipal caller, long memberId, MemberChange change) {
        requireTeamManager(caller);
        TeamMember current = member(caller.accountId(), memberId);
        List<FieldViolation> violations = new ArrayList<>();
        String name = change.name() == null ? current.name() : required(change.name(), "name", violations);
        String email = change.email() == null ? current.email() : validEmail(change.email(), "email", violations);
        Role role = change.role() == null ? Role.parse(current.role()).orElseThrow() : validRole(change.role(), violations);
        if (change.password() != null) {
            checkPassword(change.password(), "password", false, email, settings(caller.accountId()).name(),
                    violations);
        }
        throwIfAny(violations);
        Role currentRole = Role.parse(current.role()).orElseThrow();
        requireMayGrant(caller, currentRole);
        requireMayGrant(caller, role);
        if (currentRole == Role.OWNER && role != Role.OWNER && repository.countOwners(caller.accountId()) == 1) {
            throw new ConflictException("role", "An account needs at least one owner");
        }
        if (repository.memberEmailTakenByOther(caller.accountId(), memberId, email)) {
            throw new ConflictException("email", "A user with this email already exists");
        }
        String hash = change.password() == null ? null : passwords.encode(change.password());
        repository.updateMember(caller.accountId(), memberId, name, email, role, hash);
        audit.record(caller, "team-member.changed", memberId, "Changed team member " + email,
                Map.of("name", current.name(), "email", current.email(), "role", current.role()),
                Map.of("name", name, "email", email, "role", role.wire(), "passwordChanged", hash != null));
        if (hash != null || role != currentRole || !email.equalsIgnoreCase(current.email())) {
            sessions.endAll(caller.accountId(), memberId, current.email());
        }
        apiKeys.forgetAccountAfterCommit(caller.accountId());
        return new TeamMember(memberId, name, email, role.wire());
    }

    @Transactional
    public void removeMember(MemberPrincipal caller, long memberId) {
        requireTeamManager(caller);
        TeamMember current = member(caller.accountId(), memberId);
        if (memberId == caller.memberId()) {
            throw new ConflictException("id", "You cannot remove yourself");
        }
        requireMayGrant(caller, Role.parse(current.role()).orElseThrow());
        repository.deleteMember(caller.accountId(), memberId);
        audit.record(caller, "team-member.removed", memberId, "Removed " + current.email(),
                Map.of("name", current.name(), "email", current.email(), "role", current.role()), null);
        sessions.forgetAfterCommit(current.email());
        apiKeys.forgetAccountAfterCommit(caller.accountId());
        events.publishEvent(new TeamMemberRemoved(caller.accountId(), memberId));
    }

    /** Ends every browser session of the caller, on every instance (this one's too). */
    @Transactional
    public void signOutEverywhere(MemberPrincipal caller) {
        sessions.endAll(caller.accountId(), caller.memberId(), caller.getUsername());
    }

    @Transactional
    public ApiKeyView createApiKey(MemberPrincipal caller, String name) {
        List<FieldViolation> violations = new ArrayList<>();
        String cleaned = TextLimits.clean(name, "name", violations);
        throwIfAny(violations);
        ApiKeyView key = apiKeys.create(caller.accountId(), caller.memberId(), cleaned == null ? "API key" : cleaned);
        audit.record(caller, "api-key.created", key.id(), "Created API key " + key.name(), null,
                Map.of("name", key.name(), "memberId", key.memberId()));
        return key;
    }

    /** The account's keys for owners and admins; a member without that permission sees their own. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> apiKeys(MemberPrincipal caller) {
        return repository.apiKeys(caller.accountId(),
                caller.has(Permission.API_KEYS_MANAGE_ANY) ? null : caller.memberId());
    }

    @Transactional
    public void revokeApiKey(MemberPrincipal caller, long keyId) {
        ApiKeyView key = repository.apiKey(caller.accountId(), keyId).orElseThrow(() -> new NotFoundException("API key"));
        caller.requireOwnOr(key.memberId(), Permission.API_KEYS_MANAGE_ANY);
        if (!repository.revokeApiKey(caller.accountId(), keyId)) {
            throw new NotFoundException("API key");
        }
        audit.record(caller, "api-key.revoked", keyId, "Revoked API key " + key.name(), Map.of("name", key.name(),
                "memberId", key.memberId()), null);
        apiKeys.forgetAccountAfterCommit(caller.accountId());
    }

    private static void requireTeamManager(MemberPrincipal caller) {
        caller.require(Permission.TEAM_MANAGE);
    }

    private static void requireMayGrant(MemberPrincipal caller, Role role) {
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new ForbiddenException("Only owners manage owners");
        }
    }

    private static Map<String, Object> settingsValues(AccountSettings settings) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", settings.name());
        values.put("timeZone", settings.timeZone());
        values.put("defaultRegion", settings.defaultRegion());
        values.put("postalAddress", settings.postalAddress());
        values.put("agentLeadAccess", settings.agentLeadAccess());
        return values;
    }
}
