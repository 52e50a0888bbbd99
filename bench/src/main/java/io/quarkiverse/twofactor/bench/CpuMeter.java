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

    private final String serverCommand;

    /** @param serverCommand the process name of the data server, {@code postgres} or {@code redis-server} */
    CpuMeter(String serverCommand) {
        this.serverCommand = serverCommand;
    }

    /** The CPU time taken so far, in ticks: by the whole machine, and by the data server. */
    record Reading(long machineTicks, long serverTicks) {
    }

    /** A measurement's CPU time per flow, in microseconds. */
    record PerFlow(double serverMicros, double otherMicros) {
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
        return result.withCpu(new PerFlow(server, machine - server));
    }

    Reading read() throws IOException {
        return new Reading(machineBusyTicks(), serverTicks());
    }

    /**
     * The first line of {@code /proc/stat}: user, nice, system, irq and softirq. Not idle or I/O wait, and not steal,
     * which a virtual machine's host took for others.
     */
    private static long machineBusyTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field : List.of(1, 2, 3, 6, 7)) {
            busy += Long.parseLong(fields[field]);
        }
        return busy;
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
