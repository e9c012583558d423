package com.asan.audience.web;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.TeamMember;
import com.asan.audience.campaign.CampaignFacade;
import com.asan.audience.campaign.CampaignView;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.Operator;
import com.asan.audience.criteria.OperatorSets;
import com.asan.audience.criteria.Vocabulary;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.TagFacade;
import com.asan.audience.lead.TagUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the condition builder and the plain-words renderer need to know about an account: its fields grouped as the
 * picker shows them, each with its operators and value kind, plus tags, agents and campaigns.
 */
@Component
class BuilderCatalog {

    private final CustomFieldFacade customFields;
    private final TagFacade tags;
    private final AccountFacade accounts;
    private final CampaignFacade campaigns;

    BuilderCatalog(CustomFieldFacade customFields, TagFacade tags, AccountFacade accounts, CampaignFacade campaigns) {
        this.customFields = customFields;
        this.tags = tags;
        this.accounts = accounts;
        this.campaigns = campaigns;
    }

    Map<String, Object> forBuilder(long accountId) {
        Map<String, CustomFieldDefinition> custom = customFields.fieldsByKey(accountId);
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Status", "status", "Status", "choice", Vocabulary.STATUSES, custom));
        fields.add(field("Tags", "tags", "Tags", "tags", null, custom));
        fields.add(field("Engagement", "engagement", "Email engagement", "engagement", null, custom));
        fields.add(field("Source", "source", "Source", "choice", Vocabulary.SOURCES, custom));
        fields.add(field("Date created", "created", "Date created", "date", null, custom));
        fields.add(field("Last active", "last_active", "Last active", "date", null, custom));
        for (CustomFieldDefinition definition : custom.values()) {
            String kind = switch (definition.type()) {
                case TEXT -> "text";
                case NUMBER -> "number";
                case DATE -> "date";
                case BOOLEAN -> "boolean";
                case SELECT -> "choice";
            };
            fields.add(field("Custom fields", "custom." + definition.key(), definition.label(), kind,
                    definition.options(), custom));
        }
        fields.add(field("Assigned to", "assigned_to", "Assigned to", "agent", null, custom));
        fields.add(field("Phone type", "phone_type", "Phone type", "choice", Vocabulary.PHONE_TYPES, custom));
        fields.add(field("Name and email", "first_name", "First name", "text", null, custom));
        fields.add(field("Name and email", "last_name", "Last name", "text", null, custom));
        fields.add(field("Name and email", "email", "Email", "text", null, custom));

        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("fields", fields);
        catalog.put("tags", tags.tags(accountId).stream().map(TagUsage::name).toList());
        catalog.put("agents", accounts.members(accountId).stream()
                .map(member -> Map.of("id", member.id(), "name", member.name())).toList());
        catalog.put("campaigns", campaigns.list(accountId).stream()
                .map(campaign -> Map.of("id", campaign.id(), "name", campaign.name())).toList());
        return catalog;
    }

    CriteriaDescriber describer(long accountId) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of("status", "Status", "tags", "Tags", "source", "Source",
                "created", "Date created", "last_active", "Last active", "assigned_to", "Assigned to",
                "phone_type", "Phone type", "first_name", "First name", "last_name", "Last name", "email", "Email"));
        customFields.fields(accountId).forEach(field -> labels.put("custom." + field.key(), field.label()));
        Map<Long, String> members = new LinkedHashMap<>();
        for (TeamMember member : accounts.members(accountId)) {
            members.put(member.id(), member.name());
        }
        Map<Long, String> campaignNames = new LinkedHashMap<>();
        for (CampaignView campaign : campaigns.list(accountId)) {
            campaignNames.put(campaign.id(), campaign.name());
        }
        return new CriteriaDescriber(labels, members, campaignNames);
    }

    private static Map<String, Object> field(String group, String key, String label, String kind, List<String> options,
                                             Map<String, CustomFieldDefinition> custom) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("group", group);
        field.put("key", key);
        field.put("label", label);
        field.put("kind", kind);
        field.put("options", options == null ? List.of() : options);
        field.put("operators", OperatorSets.forField(key, custom).orElseThrow().stream().map(Operator::wire).toList());
        return field;
    }
}
