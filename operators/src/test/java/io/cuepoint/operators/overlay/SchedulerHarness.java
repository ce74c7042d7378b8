package io.cuepoint.operators.overlay;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Overlay;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** The overlay scheduler in a harness with generic (Kryo) types disabled as in the job. */
final class SchedulerHarness implements AutoCloseable {
  final KeyedOneInputStreamOperatorTestHarness<String, ProductFrame, Overlay> harness;

  SchedulerHarness(ProductCatalog catalog, UrlAllowList urls, OverlaySettings settings)
      throws Exception {
    this(catalog, urls, settings, null);
  }

  SchedulerHarness(
      ProductCatalog catalog, UrlAllowList urls, OverlaySettings settings, OperatorSubtaskState restore)
      throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new OverlayScheduler(catalog, urls, settings)),
            f -> f.channelArn,
            Types.STRING);
    harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
    if (restore != null) {
      harness.initializeState(restore);
    }
    harness.open();
  }

  SchedulerHarness frames(ProductFrame... frames) throws Exception {
    for (ProductFrame f : frames) {
      harness.processElement(f, f.eventTime);
    }
    return this;
  }

  SchedulerHarness watermark(long time) throws Exception {
    harness.processWatermark(time);
    return this;
  }

  OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1L, 1L);
  }

  List<Overlay> decisions() {
    return harness.extractOutputValues();
  }

  List<DeadLetter> deadLetters() {
    var side = harness.getSideOutput(DeadLetterTag.DEAD_LETTERS);
    return side == null
        ? List.of()
        : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  // Not "throws Exception": a close that may throw InterruptedException trips -Xlint:try.
  @Override
  public void close() {
    try {
      harness.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the harness failed", e);
    }
  }
}
