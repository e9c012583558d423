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

    /**
     * Starts the shared application with extra command-line properties (benchmarks); ignored once started. With
     * {@code --audience.data-dir=...} the database is kept there instead of in a temporary directory.
     */
    public static synchronized ConfigurableApplicationContext context(String... extraArgs) {
        if (context == null) {
            boolean keepsData = java.util.Arrays.stream(extraArgs).anyMatch(a -> a.startsWith("--audience.data-dir="));
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                    "--audience.demo-leads=0", "--audience.embedded-db.ephemeral=" + !keepsData));
            args.addAll(java.util.List.of(extraArgs));
            context = new SpringApplicationBuilder(AudienceApplication.class).run(args.toArray(String[]::new));
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
