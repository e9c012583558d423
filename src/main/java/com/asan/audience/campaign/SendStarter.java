package com.asan.audience.campaign;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.shared.ConflictException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a send inside the caller's transaction: checks the sender's postal address, computes the recipient list
 * from the segment as it is now, stores it with the criteria used, and takes the send lease.
 */
@Component
class SendStarter {

    private static final int INSERT_CHUNK = 10_000;

    private final CampaignRepository campaigns;
    private final RecipientRepository recipients;
    private final RecipientResolver resolver;
    private final AccountFacade accounts;
    private final JsonMapper json = JsonMapper.builder().build();

    SendStarter(CampaignRepository campaigns, RecipientRepository recipients, RecipientResolver resolver,
                AccountFacade accounts) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.resolver = resolver;
        this.accounts = accounts;
    }

    static void requirePostalAddress(AccountFacade accounts, long accountId) {
        String address = accounts.settings(accountId).postalAddress();
        if (address == null || address.isBlank()) {
            throw new ConflictException("postalAddress", "Set the sender postal address in the account settings "
                    + "(PATCH /api/account with postalAddress) before sending: every email must carry it");
        }
    }

    void start(long accountId, CampaignView campaign, String owner, java.time.Duration lease) {
        requirePostalAddress(accounts, accountId);
        Chunk chunk = new Chunk(accountId, campaign.id());
        RecipientResolver.Used used = resolver.resolve(accountId, campaign, chunk::add);
        chunk.flush();
        campaigns.startSending(accountId, campaign.id(), JSONB.valueOf(json.writeValueAsString(used.criteria())),
                owner, lease);
    }

    private final class Chunk {
        private final long accountId;
        private final long campaignId;
        private final List<Long> leadIds = new ArrayList<>();
        private final List<String> emails = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();

        Chunk(long accountId, long campaignId) {
            this.accountId = accountId;
            this.campaignId = campaignId;
        }

        void add(long leadId, String email, String status, String reason) {
            leadIds.add(leadId);
            emails.add(email);
            statuses.add(status);
            reasons.add(reason);
            if (leadIds.size() == INSERT_CHUNK) {
                flush();
            }
        }

        void flush() {
            recipients.insert(accountId, campaignId, leadIds, emails, statuses, reasons);
            leadIds.clear();
            emails.clear();
            statuses.clear();
            reasons.clear();
        }
    }
}
