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
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
