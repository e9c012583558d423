package com.asan.audience.bench;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.campaign.CampaignFacade;
import com.asan.audience.campaign.CampaignSendFacade;
import com.asan.audience.campaign.CampaignView;
import com.asan.audience.segment.SegmentDraft;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.support.SharedApp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Campaign throughput: messages per second into a local SMTP server (GreenMail) for {@code -Drecipients=10000},
 * ({@code -Dcampaigns=5} campaigns to the same recipients, each timed: the first runs on a cold JVM, still
 * JIT-compiling, and makes GreenMail create a mailbox per address), and the time to resolve the recipients of a segment of {@code -Dleads=1000000}. Run:
 * {@code MAVEN_OPTS=-Xmx4g ./mvnw -q test-compile exec:java -Dbench.main=com.asan.audience.bench.CampaignBench}.
 */
public final class CampaignBench {

    public static void main(String[] args) throws Exception {
        int recipients = Integer.getInteger("recipients", 10_000);
        int leads = Integer.getInteger("leads", 1_000_000);
        boolean nullSink = Boolean.getBoolean("nullSink");
        GreenMail smtp = new GreenMail(new ServerSetup(3925, "localhost", ServerSetup.PROTOCOL_SMTP));
        var sink = nullSink ? new com.asan.audience.campaign.ScriptedSmtpServer(0) : null;
        if (!nullSink) {
            smtp.start();
        }
        try {
            SharedApp.context("--spring.mail.host=localhost",
                    "--spring.mail.port=" + (nullSink ? sink.port() : 3925),
                    "--audience.mail.rate-per-second=" + System.getProperty("rate", "100000"),
                    "--audience.mail.connections=" + System.getProperty("connections", "4"),
                    "--audience.mail.chunk=500");
            Account audience = account("send", recipients);
            System.out.print("First campaign to these recipients (cold JVM; GreenMail creates a mailbox per address): ");
            sendBench(audience, nullSink ? null : smtp);
            for (int run = 2; run <= Integer.getInteger("campaigns", 5); run++) {
                System.out.print("Campaign " + run + " to the same recipients: ");
                sendBench(audience, nullSink ? null : smtp);
            }
            if (leads > 0) {
                resolveBench(leads);
            }
        } finally {
            SharedApp.close();
            if (nullSink) {
                sink.close();
            } else {
                smtp.stop();
            }
        }
    }

    private static void sendBench(Account account, GreenMail smtp) throws Exception {
        CampaignSendFacade sending = SharedApp.bean(CampaignSendFacade.class);
        long id = draft(account, "Send bench");
        long start = System.nanoTime();
        sending.sendNow(new SystemCaller(account.id), id);
        CampaignView done = sending.awaitSent(account.id, id, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Send: %,d recipients (%,d sent, %,d skipped as unsubscribed/bounced) in %.1f s = %,.0f "
                        + "messages/s into %s%n", done.stats().recipients(),
                done.stats().sent(), done.stats().skipped(), seconds, done.stats().sent() / seconds,
                smtp == null ? "a minimal SMTP sink that discards data" : "GreenMail, which holds "
                        + smtp.getReceivedMessages().length + " messages");
    }

    private static void resolveBench(int count) throws Exception {
        Account account = account("resolve", count);
        CampaignSendFacade sending = SharedApp.bean(CampaignSendFacade.class);
        long id = draft(account, "Resolve bench");
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Map<String, Object> audience = SharedApp.bean(com.asan.audience.campaign.CampaignPreviewFacade.class)
                    .audience(account.id, id);
            System.out.printf("Resolve (count only) for a segment of %,d leads: %,d would receive it, %.2f s%n",
                    count, (Long) audience.get("wouldSendTo"), (System.nanoTime() - start) / 1e9);
        }
        long start = System.nanoTime();
        sending.sendNow(new SystemCaller(account.id), id);
        double seconds = (System.nanoTime() - start) / 1e9;
        sending.cancel(new SystemCaller(account.id), id);
        System.out.printf("Resolve and store the recipient list (send start, one transaction) for %,d leads: %.2f s%n",
                count, seconds);
    }

    private record Account(long id, long segmentId) {
    }

    private static Account account(String name, int leads) throws Exception {
        AccountFacade accounts = SharedApp.bean(AccountFacade.class);
        var signUp = accounts.createAccount(new AccountFacade.SignUp("Campaign bench " + name, "Bench",
                "campaign." + name + "." + System.nanoTime() + "@test.example", "secret-pass-1"));
        long accountId = signUp.accountId();
        DataSource dataSource = SharedApp.bean(DataSource.class);
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "update accounts set postal_address = '1 Main St, Halifax NS' where account_id = ?", accountId);
        List<Long> agents = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(accounts.seedMember(accountId, "Agent " + i, "agent" + i + "." + accountId + "@bench.example",
                    com.asan.audience.account.Role.AGENT).id());
        }
        long past = SharedApp.bean(CampaignFacade.class).recordSent(new SystemCaller(accountId),
                new CampaignFacade.HistoricalCampaign("Earlier", Instant.now().minusSeconds(86_400).toString())).id();
        new BenchLeadLoader(dataSource).load(accountId, leads, Instant.now(), agents, List.of(past));
        long segment = SharedApp.bean(SegmentFacade.class).create(new SystemCaller(accountId), new SegmentDraft("Everyone",
                null, Map.of("match", "all", "conditions", List.of()))).id();
        return new Account(accountId, segment);
    }

    private static long draft(Account account, String name) {
        return SharedApp.bean(CampaignSendFacade.class).createDraft(new SystemCaller(account.id), Map.of("name", name,
                "subject", "Hello {{first_name|there}}", "fromName", "Bench", "fromEmail", "bench@asan.example",
                "html", "<html><body><p>Hi {{first_name|there}}, new listings in {{custom.city|your area}}:"
                        + " <a href=\"https://homes.example.com/listings\">see them</a>.</p></body></html>",
                "segmentId", account.segmentId)).id();
    }
}
