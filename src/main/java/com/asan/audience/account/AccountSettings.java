package com.asan.audience.account;

/**
 * An account's own settings. {@code agentLeadAccess} is {@code all} (agents see every lead) or {@code assigned}
 * (agents see only the leads assigned to them, everywhere, counts included).
 */
public record AccountSettings(long id, String name, String timeZone, String defaultRegion, String postalAddress,
                              String agentLeadAccess) {

    public static final String ALL_LEADS = "all";
    public static final String ASSIGNED_LEADS = "assigned";

    public boolean agentsSeeAssignedOnly() {
        return ASSIGNED_LEADS.equals(agentLeadAccess);
    }
}
