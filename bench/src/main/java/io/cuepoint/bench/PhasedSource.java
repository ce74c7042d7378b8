package io.cuepoint.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction;

/**
 * Feeds pre-serialized records from memory in event-time order, each subtask every n-th record of
 * the whole range, and stops at the end of every phase (a fraction of the records) until the bench
 * releases it: there a checkpoint holds exactly the state of the event so far. It never ends by
 * itself, so no end-of-input watermark fires the timers that would clear the state.
 */
@SuppressWarnings("deprecation")
final class PhasedSource extends RichParallelSourceFunction<String> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, String[]> RECORDS = new ConcurrentHashMap<>();

  private final String key;
  private final String stream;
  private final String run;
  private final int phases;
  private volatile boolean running = true;

  PhasedSource(String run, String stream, String[] records, int phases) {
    this.key = run + "/" + stream;
    this.stream = stream;
    this.run = run;
    this.phases = phases;
    RECORDS.put(key, records);
  }

  static void clear(String run) {
    RECORDS.keySet().removeIf(k -> k.startsWith(run + "/"));
  }

  /** How the gate names the source of {@code stream} on subtask {@code subtask}. */
  static String name(String stream, int subtask) {
    return stream + "#" + subtask;
  }

  @Override
  public void run(SourceContext<String> ctx) throws Exception {
    String[] records = RECORDS.get(key);
    int step = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    int first = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    String name = name(stream, first);
    PhaseGate gate = PhaseGate.of(run);
    int phase = 1;
    for (int i = first; i < records.length && running; i += step) {
      // A subtask may cross more than one phase's end between two of its records.
      while (phase < phases && i >= (long) records.length * phase / phases) {
        gate.arriveAndAwait(phase, name, () -> running);
        phase++;
      }
      synchronized (ctx.getCheckpointLock()) {
        ctx.collect(records[i]);
      }
      gate.emitted();
    }
    // Phases this subtask had no record left for (a short stream) end here too, or the bench waits.
    for (; phase <= phases && running; phase++) {
      gate.arriveAndAwait(phase, name, () -> running);
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
