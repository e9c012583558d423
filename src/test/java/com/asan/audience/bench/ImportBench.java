package com.asan.audience.bench;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.intake.ImportFacade;
import com.asan.audience.intake.ImportView;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.support.SharedApp;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * CSV import throughput: generates a file of {@code -Drows=1000000} leads (email, names, phone, status, tags and
 * two custom fields), uploads it and times the background import ({@code -DcountIndex=true}: with the account's
 * count index loaded, so each committed batch is also applied to it; {@code -Dimports=2}: the same file again into a
 * second account, in the same JVM). Run:
 * {@code MAVEN_OPTS=-Xmx2g ./mvnw -q test-compile exec:java -Dbench.main=com.asan.audience.bench.ImportBench}.
 */
public final class ImportBench {

    private static final String[] STATUSES = {"Hot", "Warm", "Cold", "New", "Nurture"};
    private static final String[] CITIES = {"Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Halifax"};

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 1_000_000);
        Path file = Files.createTempFile("import-bench", ".csv");
        try {
            generate(file, rows);
            System.out.printf("Generated %,d rows, %,d bytes%n", rows, Files.size(file));
            // the first import also pays for compiling the import path (a running service has done that once)
            for (int run = 1; run <= Integer.getInteger("imports", 1); run++) {
                System.out.printf("Import %d (a new account)%n", run);
                run(file, rows);
            }
        } finally {
            Files.deleteIfExists(file);
            SharedApp.close();
        }
    }

    private static void run(Path file, int rows) throws Exception {
        AccountFacade accounts = SharedApp.bean(AccountFacade.class);
        long accountId = accounts.createAccount(new AccountFacade.SignUp("Import bench", "Bench",
                "import.bench." + System.nanoTime() + "@test.example", "secret-pass-1")).accountId();
        SharedApp.bean(CustomFieldFacade.class).create(new SystemCaller(accountId),
                new CustomFieldFacade.FieldDraft("city", "City", "text", null));
        if (Boolean.getBoolean("countIndex")) {
            // as when someone watches the Audience page: every committed batch is applied to the account's index
            SharedApp.bean(com.asan.audience.countindex.CountIndex.class).warm(accountId).join();
        }
        ImportFacade imports = SharedApp.bean(ImportFacade.class);
        long uploadStart = System.nanoTime();
        ImportView uploaded;
        uploaded = imports.upload(new SystemCaller(accountId), new ImportFacade.FileSource() {
            @Override
            public String name() {
                return "bench.csv";
            }

            @Override
            public InputStream open() throws java.io.IOException {
                return Files.newInputStream(file);
            }
        });
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        double jvmCpu = ProcessCpu.jvmSeconds();
        double postgresCpu = ProcessCpu.postgresSeconds();
        long start = System.nanoTime();
        Map<String, Object> mapping = new java.util.HashMap<>(Map.of("email", "email", "first_name", "firstName",
                "last_name", "lastName", "phone", "phone", "status", "status", "city", "custom.city"));
        mapping.put("tags", Boolean.parseBoolean(System.getProperty("tags", "true")) ? "tags" : null);
        mapping.put("phone", Boolean.parseBoolean(System.getProperty("phone", "true")) ? "phone" : null);
        imports.start(new SystemCaller(accountId), uploaded.id(), Map.of("mapping", mapping,
                "newCustomFields", List.of(Map.of("column", "budget", "key", "budget", "type", "number")),
                "tagSeparator", "|"));
        ImportView done = imports.awaitFinished(accountId, uploaded.id(), Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Upload (store %,d bytes in PostgreSQL): %.1f s%n", done.fileBytes(), uploadSeconds);
        System.out.printf("Import: %s, %,d created, %,d failed in %.1f s = %,.0f rows/s (max heap %d MB)%n",
                done.status(), done.created(), done.failed(), seconds, rows / seconds, runtime.maxMemory() >> 20);
        System.out.printf("CPU during the import: this JVM %.1f s, PostgreSQL %.1f s (2 cores: %.1f core-seconds "
                + "available)%n", ProcessCpu.jvmSeconds() - jvmCpu, ProcessCpu.postgresSeconds() - postgresCpu,
                2 * seconds);
    }

    private static void generate(Path file, int rows) throws Exception {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,first_name,last_name,phone,status,tags,city,budget\r\n");
            for (int i = 0; i < rows; i++) {
                out.write("lead" + i + "@bench.example,First" + i + ",\"Last, " + (i % 977) + "\",+1 416 "
                        + (200 + random.nextInt(700)) + " " + (1000 + random.nextInt(9000)) + ","
                        + STATUSES[random.nextInt(STATUSES.length)] + ",tag" + random.nextInt(20) + "|list"
                        + random.nextInt(5) + "," + CITIES[random.nextInt(CITIES.length)] + ","
                        + (100_000 + random.nextInt(900_000)) + "\r\n");
            }
        }
    }
}
