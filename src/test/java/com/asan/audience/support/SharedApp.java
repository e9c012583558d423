package com.asan.audience.support;

import com.asan.audience.AudienceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running application for tests that cannot use Spring's test runner (jqwik properties). */
public final class SharedApp {

    private static ConfigurableApplicationContext context;

    private SharedApp() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(AudienceApplication.class).run("--server.port=0",
                    "--audience.demo-leads=0", "--audience.embedded-db.ephemeral=true");
            Runtime.getRuntime().addShutdownHook(new Thread(SharedApp::close));
        }
        return context;
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public static synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
