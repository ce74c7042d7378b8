package io.cuepoint.connectors.recording;

import io.cuepoint.schemas.StreamName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;

/** Output side of a replay: each output stream to {@code <output>/<stream>.jsonl}. */
public final class RecordingSink {
  private RecordingSink() {}

  public static DataStreamSink<String> attach(DataStream<String> json, Path output, StreamName stream) {
    return json.sinkTo(new JsonLinesFileSink(output.resolve(stream.fileName())))
        .setParallelism(1)
        .uid("sink-" + stream.id())
        .name("write " + stream.fileName());
  }

  /**
   * Creates every output file that the job did not write, so a stream with no records still has
   * its (empty) file.
   */
  public static void createMissingOutputs(Path output) throws IOException {
    Files.createDirectories(output);
    for (StreamName stream : StreamName.values()) {
      Path file = output.resolve(stream.fileName());
      if (!stream.isInput() && !Files.exists(file)) {
        Files.createFile(file);
      }
    }
  }
}
