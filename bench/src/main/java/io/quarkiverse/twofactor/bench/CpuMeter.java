package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time a measurement takes on this machine, split between the data server (PostgreSQL's or Redis's processes)
 * and everything else (the application or load generator, the kernel's loopback work), from Linux's {@code /proc}.
 * Since every part of a run shares the same cores, the CPU a flow takes on both sides is what bounds its rate once the
 * cores are busy.
 */
final class CpuMeter {

    /** What the kernel counts CPU time in, in {@code /proc}: the USER_HZ of every Linux architecture in use. */
    private static final double MICROS_PER_TICK = 1_000_000.0 / 100;

    /**
     * Fields of the first line of {@code /proc/stat}: busy is user, nice, system, irq and softirq, neither idle nor I/O
     * wait nor steal, which a virtual machine's host took for others; all is those with idle, I/O wait and steal.
     * (Guest time is counted in user time already.)
     */
    private static final List<Integer> BUSY = List.of(1, 2, 3, 6, 7);
    private static final List<Integer> STEAL = List.of(8);
    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6, 7, 8);

    private final String serverCommand;

    /** @param serverCommand the process name of the data server, {@code postgres} or {@code redis-server} */
    CpuMeter(String serverCommand) {
        this.serverCommand = serverCommand;
    }

    /**
     * The CPU time counted so far, in ticks: busy on the whole machine, busy in the data server, taken by the host
     * (steal), and all of it.
     */
    record Reading(long machineTicks, long serverTicks, long stealTicks, long allTicks) {
    }

    /**
     * A measurement's CPU time per flow, in microseconds, and the share of the machine's CPU time the host took for
     * others meanwhile: a run the host slowed down is worth less as a verdict.
     */
    record PerFlow(double serverMicros, double otherMicros, double stealShare) {
    }

    /** A measurement whose CPU time was metered. */
    interface Measurement {
        LoadResult run() throws Exception;
    }

    LoadResult meter(Measurement measurement) throws Exception {
        Reading before = read();
        LoadResult result = measurement.run();
        Reading after = read();
        if (result.flows() == 0) {
            return result;
        }
        double server = (after.serverTicks() - before.serverTicks()) * MICROS_PER_TICK / result.flows();
        double machine = (after.machineTicks() - before.machineTicks()) * MICROS_PER_TICK / result.flows();
        long all = after.allTicks() - before.allTicks();
        double steal = all == 0 ? 0 : (double) (after.stealTicks() - before.stealTicks()) / all;
        return result.withCpu(new PerFlow(server, machine - server, steal));
    }

    Reading read() throws IOException {
        String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return new Reading(sum(machine, BUSY), serverTicks(), sum(machine, STEAL), sum(machine, ALL));
    }

    private static long sum(String[] fields, List<Integer> which) {
        long ticks = 0;
        for (int field : which) {
            ticks += Long.parseLong(fields[field]);
        }
        return ticks;
    }

    /**
     * The user and system time of every live server process, plus what the server's parent process reaped from the
     * children that ended (PostgreSQL ends a backend with its connection, pgbench's included).
     */
    private long serverTicks() throws IOException {
        Map<Long, ProcessTimes> servers = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    ProcessTimes times = ProcessTimes.read(process.resolve("stat"));
                    if (times != null && times.command().equals(serverCommand)) {
                        servers.put(Long.parseLong(process.getFileName().toString()), times);
                    }
                }
            }
        }
        long ticks = 0;
        for (ProcessTimes times : servers.values()) {
            ticks += times.own();
            if (!servers.containsKey(times.parent())) {
                ticks += times.reapedChildren();
            }
        }
        return ticks;
    }

    /** The fields of {@code /proc/<pid>/stat} this meter reads. */
    private record ProcessTimes(String command, long parent, long own, long reapedChildren) {

        /** Null when the process ended before it could be read. */
        static ProcessTimes read(Path stat) {
            String line;
            try {
                line = Files.readString(stat);
            } catch (IOException e) {
                return null;
            }
            // The command is in parentheses and may hold spaces; the numbered fields follow the last ')'.
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).trim().split("\\s+");
            // fields[0] is field 3 of proc(5): state; ppid is field 4, utime to cstime are fields 14 to 17.
            return new ProcessTimes(line.substring(open + 1, close), Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
    }
}
