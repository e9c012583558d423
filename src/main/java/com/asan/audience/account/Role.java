package com.asan.audience.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a team member may do: owners and admins manage the team, agents work leads. */
public enum Role {
    OWNER, ADMIN, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean managesTeam() {
        return this != AGENT;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.wire().equalsIgnoreCase(value)).findFirst();
    }
}
