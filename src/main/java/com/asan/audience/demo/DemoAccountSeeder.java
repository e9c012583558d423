package com.asan.audience.demo;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.Role;
import com.asan.audience.account.SignUpResult;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.CustomFieldFacade.FieldDraft;
import com.asan.audience.lead.LeadBatchImporter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates the demo account: owner, eight agents, the real-estate custom fields and seeded leads. */
@Component
public class DemoAccountSeeder {

    public static final String OWNER_EMAIL = "owner@maple-realty.example";
    private static final List<String> AGENTS = List.of("Ava Thompson", "Marc Tremblay", "Priya Patel",
            "Daniel Kim", "Sophie Roy", "James Wilson", "Nadia Khan", "Lucas Martin");

    private final AccountFacade accounts;
    private final CustomFieldFacade customFields;
    private final LeadBatchImporter leads;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DemoAccountSeeder(AccountFacade accounts, CustomFieldFacade customFields, LeadBatchImporter leads, Clock clock,
                      TransactionTemplate transactions) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.customFields = customFields;
        this.leads = leads;
        this.clock = clock;
    }

    public record Credentials(long accountId, String email, String password, String apiKey) {
    }

    public Credentials seed(int leadCount, long seed) {
        return seed(leadCount, seed, OWNER_EMAIL, randomPassword());
    }

    public Credentials seed(int leadCount, long seed, String ownerEmail, String password) {
        SignUpResult account = accounts.createAccount(
                new AccountFacade.SignUp("Maple Realty (demo)", "Morgan Owner", ownerEmail, password));
        long accountId = account.accountId();
        List<Long> agents = new ArrayList<>();
        for (String name : AGENTS) {
            String email = name.toLowerCase().replace(' ', '.') + "." + accountId + "@maple-realty.example";
            agents.add(accounts.seedMember(accountId, name, email, Role.AGENT).id());
        }
        customFields.create(new SystemCaller(accountId), new FieldDraft("city", "City", "text", null));
        customFields.create(new SystemCaller(accountId), new FieldDraft("province", "Province", "text", null));
        customFields.create(new SystemCaller(accountId), new FieldDraft("budget", "Budget", "number", null));
        customFields.create(new SystemCaller(accountId), new FieldDraft("pre_approved", "Pre-approved", "boolean", null));
        customFields.create(new SystemCaller(accountId), new FieldDraft("move_in_date", "Move-in date", "date", null));
        customFields.create(new SystemCaller(accountId), new FieldDraft("property_type", "Property type", "select",
                DemoLeadGenerator.PROPERTY_TYPES));
        DemoLeadGenerator generator = new DemoLeadGenerator(seed, clock.instant(), agents);
        for (int start = 0; start < leadCount; start += LeadBatchImporter.MAX_BATCH) {
            List<Object> batch = new ArrayList<>();
            for (int i = start; i < Math.min(leadCount, start + LeadBatchImporter.MAX_BATCH); i++) {
                batch.add(generator.next(i));
            }
            // One commit per thousand demo leads instead of one per lead: the data is known to be valid.
            transactions.executeWithoutResult(status -> leads.createAll(new SystemCaller(accountId), batch, "Manual"));
        }
        return new Credentials(accountId, ownerEmail, password, account.apiKey());
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
