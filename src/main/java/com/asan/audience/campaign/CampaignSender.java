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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a campaign whose recipient list is stored: claims pending recipients in chunks (marking them
 * "sending" before any SMTP traffic), renders each for its lead as the lead is now, sends over several
 * connections at a capped rate, and records every outcome. Temporary failures are retried with backoff.
 * At most two chunks are in flight: one being sent while the previous one's results are recorded.
 */
@Component
class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);
    private static final int MAX_ATTEMPTS = 5;

    private final CampaignRepository campaigns;
    private final RecipientRepository recipients;
    private final MessageRenderer renderer;
    private final LeadQueries leads;
    private final AccountFacade accounts;
    private final EngagementFacade engagement;
    private final TransactionTemplate transactions;
    private final ChunkDispatcher dispatcher;
    private final int chunk;
    private final Duration lease;
    private final Duration retryBase;

    CampaignSender(CampaignRepository campaigns, RecipientRepository recipients, MessageRenderer renderer,
                   MailTransport transport, LeadQueries leads, AccountFacade accounts, EngagementFacade engagement,
                   TransactionTemplate transactions, MailProperties mail) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.renderer = renderer;
        this.leads = leads;
        this.accounts = accounts;
        this.engagement = engagement;
        this.transactions = transactions;
        this.dispatcher = new ChunkDispatcher(transport, new SendRate(mail.ratePerSecond()), mail.connections());
        this.chunk = mail.chunk();
        this.lease = mail.lease();
        this.retryBase = mail.retryBase();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        dispatcher.close();
    }

    Duration lease() {
        return lease;
    }

    /** Sends until no recipient is pending, then marks the campaign sent. Returns false if the lease was lost. */
    boolean deliver(long accountId, long campaignId, String owner) throws InterruptedException {
        transactions.executeWithoutResult(s -> recipients.recoverAfterCrash(accountId, campaignId));
        CampaignView campaign = campaigns.find(accountId, campaignId).orElseThrow();
        String postalAddress = accounts.settings(accountId).postalAddress();
        InFlight inFlight = null;
        try {
            while (true) {
                if (!Boolean.TRUE.equals(transactions.execute(
                        s -> campaigns.renewLease(accountId, campaignId, owner, lease)))) {
                    record(inFlight);
                    return false;
                }
                List<RecipientRepository.Claimed> claimed = transactions.execute(
                        s -> recipients.claim(accountId, campaignId, chunk));
                if (claimed.isEmpty()) {
                    if (inFlight != null) {
                        record(inFlight);
                        inFlight = null;
                        continue;
                    }
                    OffsetDateTime next = transactions.execute(s -> recipients.nextDue(accountId, campaignId));
                    if (next == null) {
                        finish(accountId, campaignId);
                        return true;
                    }
                    Thread.sleep(Math.max(50, Math.min(lease.toMillis() / 3,
                            Duration.between(OffsetDateTime.now(ZoneOffset.UTC), next).toMillis())));
                    continue;
                }
                // the next chunk goes out before the previous one's results are recorded: connections never idle
                InFlight started = start(accountId, campaign, postalAddress, claimed);
                record(inFlight);
                inFlight = started;
            }
        } catch (InterruptedException | RuntimeException e) {
            recordAfterStop(inFlight);
            throw e;
        }
    }

    /** A chunk handed to the connections: who was skipped before sending, and the sends under way. */
    private record InFlight(long accountId, long campaignId, List<Long> gone, List<Long> unsubscribed,
                            Map<Long, Integer> attempts, Map<Long, String> messageIds,
                            CompletableFuture<List<MailTransport.Result>> results) {
    }

    private InFlight start(long accountId, CampaignView campaign, String postalAddress,
                           List<RecipientRepository.Claimed> claimed) {
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
        Map<Long, String> messageIds = new ConcurrentHashMap<>();
        CompletableFuture<List<MailTransport.Result>> results = dispatcher.dispatch(deliverable, lead -> {
            RenderedMessage message = renderer.render(accountId, campaign, lead, postalAddress, false);
            messageIds.put(lead.id(), message.messageId());
            return message;
        }, ids -> transactions.executeWithoutResult(s -> recipients.markAttempting(accountId, campaign.id(), ids)),
                outcomes -> recordOutcomes(accountId, campaign.id(), attempts, messageIds, outcomes));
        return new InFlight(accountId, campaign.id(), gone, unsubscribed, attempts, messageIds, results);
    }

    private void record(InFlight chunk) throws InterruptedException {
        if (chunk != null) {
            record(chunk, await(chunk));
        }
    }

    /**
     * On a stop or an unexpected error, records what the connections already sent, so it is not later reported as
     * interrupted.
     */
    private void recordAfterStop(InFlight chunk) {
        if (chunk == null) {
            return;
        }
        try {
            record(chunk, chunk.results().get(lease.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Campaign {}: results of the last chunk not recorded at stop; its recipients will be "
                    + "reported as interrupted", chunk.campaignId());
        }
    }

    private static List<MailTransport.Result> await(InFlight chunk) throws InterruptedException {
        try {
            return chunk.results().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending failed unexpectedly", e.getCause());
        }
    }

    /** The chunk's skipped recipients; its sends were recorded take by take, on the connections. */
    private void record(InFlight chunk, List<MailTransport.Result> results) {
        long accountId = chunk.accountId();
        long campaignId = chunk.campaignId();
        transactions.executeWithoutResult(s -> {
            recipients.skip(accountId, campaignId, chunk.gone(), "lead deleted or email removed before delivery");
            recipients.skip(accountId, campaignId, chunk.unsubscribed(), "unsubscribed before delivery");
        });
    }

    /** One take's outcomes, committed as soon as the connection has them, so a crash leaves only later ones open. */
    private void recordOutcomes(long accountId, long campaignId, Map<Long, Integer> attempts,
                                Map<Long, String> messageIds, List<MailTransport.Result> results) {
        transactions.executeWithoutResult(s -> {
            List<Long> sentIds = new ArrayList<>();
            List<String> sentMessageIds = new ArrayList<>();
            for (MailTransport.Result result : results) {
                long leadId = result.leadId();
                switch (result.outcome()) {
                    case SENT -> {
                        sentIds.add(leadId);
                        sentMessageIds.add(messageIds.get(leadId));
                    }
                    case PERMANENT_FAILURE -> recipients.markFailed(accountId, campaignId, leadId, result.detail());
                    case TEMPORARY_FAILURE -> {
                        int attempt = attempts.get(leadId);
                        if (attempt >= MAX_ATTEMPTS) {
                            recipients.markFailed(accountId, campaignId, leadId,
                                    "gave up after " + attempt + " attempts: " + result.detail());
                        } else {
                            recipients.retryLater(accountId, campaignId, leadId, result.detail(),
                                    retryBase.multipliedBy(1L << (attempt - 1)));
                        }
                    }
                }
            }
            recipients.markAllSent(accountId, campaignId, sentIds, sentMessageIds);
        });
    }

    private void finish(long accountId, long campaignId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.executeWithoutResult(s -> {
            OffsetDateTime sentAt = campaigns.finishSending(accountId, campaignId, now);
            engagement.campaignSent(accountId, campaignId, sentAt);
        });
        log.info("Campaign {} of account {} sent", campaignId, accountId);
    }
}
