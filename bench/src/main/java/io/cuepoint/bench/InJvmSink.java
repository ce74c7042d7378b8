package io.cuepoint.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A bench sink that reports to this JVM, where the MiniCluster runs: each writer is made by
 * {@link #writer()}, whichever of Flink's two writer factories the runtime calls.
 */
abstract class InJvmSink implements Sink<String> {
  private static final long serialVersionUID = 1L;

  abstract SinkWriter<String> writer();

  @Override
  @SuppressWarnings("deprecation")
  public final SinkWriter<String> createWriter(InitContext context) {
    return writer();
  }

  @Override
  public final SinkWriter<String> createWriter(WriterInitContext context) {
    return writer();
  }
}
