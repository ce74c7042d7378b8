package io.cuepoint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread over a run, by thread name with numbers and subtask indexes taken out, so a
 * profile says which kind of thread (event loop, task, server, compiler is not a Java thread and
 * shows only in the process total) spent the CPU. Flink's task threads end with their job, so the
 * threads are sampled every 250 ms and the last reading of each counts.
 */
final class ThreadCpu implements AutoCloseable {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> startNanos = new HashMap<>();
  private final Map<Long, Long> lastNanos = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  ThreadCpu() {
    sample(true);
    sampler =
        new Thread(
            () -> {
              while (running) {
                sample(false);
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "thread-cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private synchronized void sample(boolean first) {
    for (long id : MX.getAllThreadIds()) {
      long cpu = MX.getThreadCpuTime(id);
      if (cpu < 0) {
        continue;
      }
      if (first) {
        startNanos.put(id, cpu);
      }
      lastNanos.put(id, cpu);
      if (!names.containsKey(id)) {
        ThreadInfo t = MX.getThreadInfo(id);
        if (t != null) {
          names.put(id, t.getThreadName().replaceAll("\\(\\d+/\\d+\\)#\\d+", "").replaceAll("\\d+", "N"));
        }
      }
    }
  }

  /** Stops sampling; CPU seconds by thread name, most first. */
  synchronized Map<String, Double> secondsByName() {
    running = false;
    sampler.interrupt();
    sample(false);
    Map<String, Double> out = new TreeMap<>();
    lastNanos.forEach(
        (id, cpu) -> out.merge(names.getOrDefault(id, "?"), (cpu - startNanos.getOrDefault(id, 0L)) / 1e9, Double::sum));
    return out;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
