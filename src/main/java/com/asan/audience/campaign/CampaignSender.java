package com.asan.audience.campaign;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.lead.EngagementFacade;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadView;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a campaign whose recipient list is stored: claims pending recipients in chunks (marking them
 * "sending" before any SMTP traffic), renders each for its lead as the lead is now, sends over several
 * connections at a capped rate, and records every outcome. Temporary failures are retried with backoff.
 */
@Component
class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);
    private static final int MAX_ATTEMPTS = 5;

    private final CampaignRepository campaigns;
    private final RecipientRepository recipients;
    private final MessageRenderer renderer;
    private final MailTransport transport;
    private final LeadQueries leads;
    private final AccountFacade accounts;
    private final EngagementFacade engagement;
    private final TransactionTemplate transactions;
    private final ExecutorService connections;
    private final int connectionCount;
    private final int chunk;
    private final SendRate rate;
    private final Duration lease;
    private final Duration retryBase;

    CampaignSender(CampaignRepository campaigns, RecipientRepository recipients, MessageRenderer renderer,
                   MailTransport transport, LeadQueries leads, AccountFacade accounts, EngagementFacade engagement,
                   TransactionTemplate transactions,
                   @Value("${audience.mail.connections:4}") int connectionCount,
                   @Value("${audience.mail.chunk:200}") int chunk,
                   @Value("${audience.mail.rate-per-second:200}") double ratePerSecond,
                   @Value("${audience.mail.lease:PT30S}") Duration lease,
                   @Value("${audience.mail.retry-base:PT30S}") Duration retryBase) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.renderer = renderer;
        this.transport = transport;
        this.leads = leads;
        this.accounts = accounts;
        this.engagement = engagement;
        this.transactions = transactions;
        this.connectionCount = connectionCount;
        this.connections = Executors.newFixedThreadPool(connectionCount, task -> {
            Thread thread = new Thread(task, "smtp-connection");
            thread.setDaemon(true);
            return thread;
        });
        this.chunk = chunk;
        this.rate = new SendRate(ratePerSecond);
        this.lease = lease;
        this.retryBase = retryBase;
    }

    Duration lease() {
        return lease;
    }

    /** Sends until no recipient is pending, then marks the campaign sent. Returns false if the lease was lost. */
    boolean deliver(long accountId, long campaignId, String owner) throws InterruptedException {
        transactions.executeWithoutResult(s -> recipients.failInterrupted(accountId, campaignId));
        CampaignView campaign = campaigns.find(accountId, campaignId).orElseThrow();
        String postalAddress = accounts.settings(accountId).postalAddress();
        while (true) {
            if (!Boolean.TRUE.equals(transactions.execute(s -> campaigns.renewLease(accountId, campaignId, owner, lease)))) {
                return false;
            }
            List<RecipientRepository.Claimed> claimed = transactions.execute(
                    s -> recipients.claim(accountId, campaignId, chunk));
            if (claimed.isEmpty()) {
                OffsetDateTime next = transactions.execute(s -> recipients.nextDue(accountId, campaignId));
                if (next == null) {
                    finish(accountId, campaignId);
                    return true;
                }
                Thread.sleep(Math.max(50, Math.min(lease.toMillis() / 3,
                        Duration.between(OffsetDateTime.now(ZoneOffset.UTC), next).toMillis())));
                continue;
            }
            sendChunk(accountId, campaign, postalAddress, claimed);
        }
    }

    private void sendChunk(long accountId, CampaignView campaign, String postalAddress,
                           List<RecipientRepository.Claimed> claimed) throws InterruptedException {
        Map<Long, LeadView> current = new HashMap<>();
        leads.byIds(accountId, claimed.stream().map(RecipientRepository.Claimed::leadId).toList())
                .forEach(lead -> current.put(lead.id(), lead));
        List<Long> gone = new ArrayList<>();
        List<Long> unsubscribed = new ArrayList<>();
        List<LeadView> deliverable = new ArrayList<>();
        Map<Long, Integer> attempts = new HashMap<>();
        for (RecipientRepository.Claimed recipient : claimed) {
            LeadView lead = current.get(recipient.leadId());
            attempts.put(recipient.leadId(), recipient.attempts());
            if (lead == null || lead.email() == null) {
                gone.add(recipient.leadId());
            } else if (!lead.emailStatus().equals("subscribed")) {
                unsubscribed.add(recipient.leadId());
            } else {
                deliverable.add(lead);
            }
        }
        Map<Long, String> messageIds = new java.util.concurrent.ConcurrentHashMap<>();
        List<MailTransport.Result> results = sendInParallel(deliverable, lead -> {
            RenderedMessage message = renderer.render(accountId, campaign, lead, postalAddress, false);
            messageIds.put(lead.id(), message.messageId());
            return message;
        });
        transactions.executeWithoutResult(s -> {
            recipients.skip(accountId, campaign.id(), gone, "lead deleted or email removed before delivery");
            recipients.skip(accountId, campaign.id(), unsubscribed, "unsubscribed before delivery");
            List<Long> sentIds = new ArrayList<>();
            List<String> sentMessageIds = new ArrayList<>();
            for (MailTransport.Result result : results) {
                long leadId = result.leadId();
                switch (result.outcome()) {
                    case SENT -> {
                        sentIds.add(leadId);
                        sentMessageIds.add(messageIds.get(leadId));
                    }
                    case PERMANENT_FAILURE -> recipients.markFailed(accountId, campaign.id(), leadId, result.detail());
                    case TEMPORARY_FAILURE -> {
                        int attempt = attempts.get(leadId);
                        if (attempt >= MAX_ATTEMPTS) {
                            recipients.markFailed(accountId, campaign.id(), leadId,
                                    "gave up after " + attempt + " attempts: " + result.detail());
                        } else {
                            recipients.retryLater(accountId, campaign.id(), leadId, result.detail(),
                                    retryBase.multipliedBy(1L << (attempt - 1)));
                        }
                    }
                }
            }
            recipients.markAllSent(accountId, campaign.id(), sentIds, sentMessageIds);
        });
    }

    /** Renders and sends on the connection threads, one group of leads per connection. */
    private List<MailTransport.Result> sendInParallel(List<LeadView> leadsToSend,
                                                      java.util.function.Function<LeadView, RenderedMessage> render)
            throws InterruptedException {
        if (leadsToSend.isEmpty()) {
            return List.of();
        }
        int groups = Math.min(connectionCount, leadsToSend.size());
        List<Future<List<MailTransport.Result>>> futures = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<LeadView> group = new ArrayList<>();
            for (int i = g; i < leadsToSend.size(); i += groups) {
                group.add(leadsToSend.get(i));
            }
            futures.add(connections.submit(() -> {
                List<RenderedMessage> messages = group.stream().map(render).toList();
                rate.acquire(messages.size());
                return transport.send(messages);
            }));
        }
        List<MailTransport.Result> results = new ArrayList<>();
        for (Future<List<MailTransport.Result>> future : futures) {
            try {
                results.addAll(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("sending failed unexpectedly", e.getCause());
            }
        }
        return results;
    }

    private void finish(long accountId, long campaignId) {
        OffsetDateTime sentAt = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.executeWithoutResult(s -> {
            campaigns.finishSending(accountId, campaignId, sentAt);
            engagement.campaignSent(accountId, campaignId, sentAt);
        });
        log.info("Campaign {} of account {} sent", campaignId, accountId);
    }
}
