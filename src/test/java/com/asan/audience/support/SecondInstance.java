package com.asan.audience.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Another JVM running the application against this test's database: for multi-instance and crash tests. */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Starts the application on a free port; its output is readable from the returned process. */
    public static Started start(String jdbcUrl, String... extraArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "com.asan.audience.AudienceApplication", "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--audience.demo-leads=0"));
        command.addAll(List.of(extraArgs));
        return new Started(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
    }

    public record Started(Process process, int port) {

        /** Reads and drops the instance's output, so a full pipe never blocks it. */
        public Started drained() {
            Thread drain = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            return this;
        }

        /** Waits (at most 90 s) until the instance answers its health check. */
        public Started awaitHealthy() {
            Api api = Api.anonymous(port);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the second instance exited with " + process.exitValue());
                }
                try {
                    if (api.get("/actuator/health").status() == 200) {
                        return this;
                    }
                } catch (IllegalStateException notYet) {
                    // not listening yet
                }
                process.onExit().completeOnTimeout(null, 250, java.util.concurrent.TimeUnit.MILLISECONDS).join();
            }
            throw new AssertionError("the second instance did not start");
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
