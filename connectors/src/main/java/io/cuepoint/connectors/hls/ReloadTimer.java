package io.cuepoint.connectors.hls;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a follower's next playlist load after a delay. */
public interface ReloadTimer extends AutoCloseable {
  void schedule(Runnable load, long delayMs);

  @Override
  void close();

  /** A timer on one daemon thread of its own, stopped by {@link #close()}. */
  static ReloadTimer ownThread(String name) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    return new ReloadTimer() {
      @Override
      public void schedule(Runnable load, long delayMs) {
        try {
          executor.schedule(load, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
          // Closed: no more loads.
        }
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
