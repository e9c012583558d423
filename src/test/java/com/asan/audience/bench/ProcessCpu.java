package com.asan.audience.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by this JVM and by PostgreSQL: its running processes and those that have exited (Linux
 * /proc; 0 elsewhere).
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    static double jvmSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getProcessCpuTime() / 1e9 : 0;
    }

    static double postgresSeconds() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    ticks += postgresTicks(entry.resolve("stat"));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long postgresTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (!line.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] fields = line.substring(close + 2).split(" ");
            // utime and stime, plus cutime and cstime: the postmaster's count the backends that have exited, so
            // the sum does not drop when a backend ends between two readings (it went negative across a phase)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended while we looked
        }
    }
}
