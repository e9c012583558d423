package com.asan.audience.account;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in team member, whether by form, HTTP Basic or API key. */
public final class MemberPrincipal implements UserDetails, CredentialsContainer, TenantPrincipal {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final long memberId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final int sessionVersion;
    private String passwordHash;

    MemberPrincipal(long accountId, long memberId, String email, String displayName, Role role, String passwordHash,
                    int sessionVersion) {
        this.sessionVersion = sessionVersion;
        this.accountId = accountId;
        this.memberId = memberId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    @Override
    public long accountId() {
        return accountId;
    }

    @Override
    public long memberId() {
        return memberId;
    }

    @Override
    public String label() {
        return email;
    }

    @Override
    public boolean has(Permission permission) {
        return role.has(permission);
    }

    /** The member's session version when this principal was read: a session holding an older one has ended. */
    int sessionVersion() {
        return sessionVersion;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
