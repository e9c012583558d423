package com.asan.audience.account;

import com.asan.audience.shared.Permission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a team member may do. Every member sees the account's data, edits leads, creates segments and drafts
 * campaigns; owners and admins hold every {@link Permission} as well. What separates an owner from an admin (only
 * owners manage owners) is checked by the team operations themselves.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.allOf(Permission.class)),
    AGENT(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean managesTeam() {
        return has(Permission.TEAM_MANAGE);
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.wire().equalsIgnoreCase(value)).findFirst();
    }
}
