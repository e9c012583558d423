package com.asan.audience.bench;

import com.asan.audience.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview over HTTP measured by wrk, a client in its own process (one thread, one keep-alive connection)
 * cycling through the mix: no client work shares the server's JVM. Skipped when wrk is not installed
 * ({@code apt-get install wrk}).
 */
final class WrkFigures {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private WrkFigures() {
    }

    static void preview(int port, String apiKey, int size, List<BenchCriteria.Named> mix) {
        if (!installed()) {
            System.out.printf("ENGINE %,d leads: preview over HTTP from wrk: skipped, wrk is not installed%n", size);
            return;
        }
        try {
            Path script = Files.createTempFile("preview-", ".lua");
            try {
                Files.writeString(script, script(apiKey, mix), StandardCharsets.UTF_8);
                String url = "http://127.0.0.1:" + port + "/api/segments/preview";
                run(script, url, 5); // warm-up
                String output = run(script, url, 20);
                if (output.contains("Non-2xx")) {
                    throw new IllegalStateException("wrk saw failed previews:\n" + output);
                }
                Matcher m = PERCENTILE.matcher(output);
                double p50 = Double.NaN;
                double p99 = Double.NaN;
                while (m.find()) {
                    double ms = millis(Double.parseDouble(m.group(2)), m.group(3));
                    if (m.group(1).equals("50")) {
                        p50 = ms;
                    } else {
                        p99 = ms;
                    }
                }
                Matcher requests = Pattern.compile("(\\d+) requests in").matcher(output);
                System.out.printf("ENGINE %,d leads: preview over HTTP from wrk (own process, 1 connection, the mix in "
                                + "turn, 20 s) p50 %.2f ms, p99 %.2f ms over %s requests%n", size, p50, p99,
                        requests.find() ? requests.group(1) : "?");
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean installed() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A level-9 long bracket holds any JSON the mix can produce. */
    private static String script(String apiKey, List<BenchCriteria.Named> mix) {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (BenchCriteria.Named named : mix) {
            String json = Api.JSON.writeValueAsString(Map.of("criteria", named.criteria()));
            lua.append("[=========[").append(json).append("]=========],\n");
        }
        return lua.append("}\nlocal i = 0\nlocal headers = {[\"Content-Type\"] = \"application/json\", ")
                .append("[\"Authorization\"] = \"Bearer ").append(apiKey).append("\"}\n")
                .append("request = function()\n  i = i % #bodies + 1\n")
                .append("  return wrk.format(\"POST\", \"/api/segments/preview\", headers, bodies[i])\nend\n")
                .toString();
    }

    private static String run(Path script, String url, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c1", "-d" + seconds + "s", "--latency", "-s",
                script.toString(), url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
