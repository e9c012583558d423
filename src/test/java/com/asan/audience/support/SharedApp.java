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
        return context(new String[0]);
    }

    /** Starts the shared application with extra command-line properties (benchmarks); ignored once started. */
    public static synchronized ConfigurableApplicationContext context(String... extraArgs) {
        if (context == null) {
            String[] args = new String[3 + extraArgs.length];
            args[0] = "--server.port=0";
            args[1] = "--audience.demo-leads=0";
            args[2] = "--audience.embedded-db.ephemeral=true";
            System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
            context = new SpringApplicationBuilder(AudienceApplication.class).run(args);
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
