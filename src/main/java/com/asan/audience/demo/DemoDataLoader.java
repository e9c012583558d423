package com.asan.audience.demo;

import com.asan.audience.account.AccountFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start against an empty database, creates the demo account and prints how to sign in, once. */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final AccountFacade accounts;
    private final DemoAccountSeeder seeder;
    private final int leadCount;

    DemoDataLoader(AccountFacade accounts, DemoAccountSeeder seeder, @Value("${audience.demo-leads}") int leadCount) {
        this.accounts = accounts;
        this.seeder = seeder;
        this.leadCount = leadCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (leadCount <= 0 || accounts.anyAccountExists()) {
            return;
        }
        long started = System.nanoTime();
        DemoAccountSeeder.Credentials credentials = seeder.seed(leadCount, 20261126L);
        log.info("""

                ============================================================
                 Demo account created with {} leads in {} ms.
                 Sign in at the web UI with
                   email:    {}
                   password: {}
                 This password is shown only once.
                ============================================================""",
                leadCount, (System.nanoTime() - started) / 1_000_000, credentials.email(), credentials.password());
    }
}
