package com.asan.audience.campaign;

import com.asan.audience.shared.DaemonThreads;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs sends in the background. Due scheduled campaigns are claimed with SKIP LOCKED, so each starts exactly once
 * even with several instances on one database; a send whose instance died is taken over when its lease expires.
 */
@Component
class CampaignWorkers {

    private static final Logger log = LoggerFactory.getLogger(CampaignWorkers.class);

    private final CampaignSender sender;
    private final SendStarter starter;
    private final CampaignRepository campaigns;
    private final TransactionTemplate transactions;
    private final String owner = "sender-" + UUID.randomUUID();
    private final ExecutorService executor;
    private final Map<Long, Boolean> active = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();

    CampaignWorkers(CampaignSender sender, SendStarter starter, CampaignRepository campaigns,
                    TransactionTemplate transactions, MailProperties mail) {
        int parallel = mail.campaignsInParallel();
        this.sender = sender;
        this.starter = starter;
        this.campaigns = campaigns;
        this.transactions = transactions;
        this.executor = DaemonThreads.pool(parallel, "campaign-sender", false);
    }

    String owner() {
        return owner;
    }

    java.time.Duration lease() {
        return sender.lease();
    }

    void deliverAfterCommit(long accountId, long id) {
        com.asan.audience.shared.AfterCommit.run(() -> submit(accountId, id));
    }

    /** A delivery of this campaign starts again (a resend): its completion is the coming delivery's. */
    void expectDelivery(long id) {
        finished.compute(id, (key, current) -> current != null && !current.isDone() ? current
                : new CompletableFuture<>());
    }

    /** Completes when this instance finishes delivering the campaign. */
    CompletableFuture<Void> completion(long id) {
        return finished.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${audience.mail.poll-every:PT5S}", initialDelayString = "PT2S")
    void poll() {
        List<CampaignRepository.Due> started = transactions.execute(s -> {
            List<CampaignRepository.Due> due = campaigns.claimDue(10);
            for (CampaignRepository.Due campaign : due) {
                try {
                    starter.start(campaign.accountId(), campaigns.find(campaign.accountId(), campaign.id()).orElseThrow(),
                            owner, sender.lease());
                } catch (RuntimeException e) {
                    log.warn("Scheduled campaign {} of account {} could not start: {}", campaign.id(),
                            campaign.accountId(), e.getMessage());
                    campaigns.setStatus(campaign.accountId(), campaign.id(), "failed");
                    campaigns.setFailure(campaign.accountId(), campaign.id(), e.getMessage());
                }
            }
            return due;
        });
        started.forEach(campaign -> submit(campaign.accountId(), campaign.id()));
        for (CampaignRepository.Due orphan : campaigns.orphanedSends()) {
            if (Boolean.TRUE.equals(transactions.execute(s -> campaigns.claimSend(orphan.accountId(), orphan.id(),
                    owner, sender.lease())))) {
                log.info("Taking over the send of campaign {} of account {}", orphan.id(), orphan.accountId());
                submit(orphan.accountId(), orphan.id());
            }
        }
    }

    private void submit(long accountId, long id) {
        if (active.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        executor.execute(() -> {
            try {
                if (sender.deliver(accountId, id, owner)) {
                    completion(id).complete(null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Campaign {} of account {}: delivery stopped; it resumes when its lease expires", id,
                        accountId, e);
            } finally {
                active.remove(id);
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
