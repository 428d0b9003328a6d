package com.incidentflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of another JVM, read from Linux's /proc as {@code ps} does: the
 * process's own account, not a sample. CPU counts every thread (request threads, job executor,
 * GC, JIT) in clock ticks of 10 ms.
 */
final class ProcessFigures {

  private static final double TICK_MS = 1000.0 / clockTicks();

  private ProcessFigures() {}

  /** User plus system CPU time of the process so far, in milliseconds. */
  static double cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (2nd field) is in parentheses and may hold spaces: count fields after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long utime = Long.parseLong(fields[11]);
      long stime = Long.parseLong(fields[12]);
      return (utime + stime) * TICK_MS;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat (Linux only)", e);
    }
  }

  /** Resident set size, in MiB. */
  static double rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/status (Linux only)", e);
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (Exception e) {
      return 100; // Linux's USER_HZ on every common architecture
    }
  }
}
