package com.asan.audience.shared;

/**
 * What a caller may do beyond seeing and editing leads, creating segments and drafting campaigns (which every member
 * may). Which roles hold which permission is the account module's {@code Role}; facades check them with
 * {@link TenantPrincipal#require(Permission)}, so the API, the UI and background paths obey the same rules.
 */
public enum Permission {
    /** Sees every lead even where the account limits agents to the leads assigned to them. */
    LEADS_UNRESTRICTED("leads.unrestricted"),
    LEADS_DELETE("leads.delete"),
    LEADS_BULK("leads.bulk"),
    LEADS_IMPORT("leads.import"),
    SEGMENTS_EXPORT("segments.export"),
    SEGMENTS_MANAGE_ANY("segments.manage-any"),
    CUSTOM_FIELDS_MANAGE("custom-fields.manage"),
    TAGS_MANAGE("tags.manage"),
    FORMS_MANAGE("forms.manage"),
    CAMPAIGNS_SEND("campaigns.send"),
    API_KEYS_MANAGE_ANY("api-keys.manage-any"),
    TEAM_MANAGE("team.manage"),
    ACCOUNT_SETTINGS("account.settings"),
    AUDIT_READ("audit.read"),
    /** The deployment's metrics and build info under /actuator (health stays public). */
    OPERATIONS_READ("operations.read");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    /** The name a refusal gives ({@code "permission": "campaigns.send"}). */
    public String wire() {
        return wire;
    }
}
