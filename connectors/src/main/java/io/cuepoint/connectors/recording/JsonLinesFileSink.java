package io.cuepoint.connectors.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes one output stream of a replay to a single {@code .jsonl} file, one record per line.
 * Replays are local and bounded, so one writer (parallelism 1) keeps a single file that analysts
 * can open directly; {@link RecordingSink} enforces that.
 */
public class JsonLinesFileSink implements Sink<String> {
  private static final long serialVersionUID = 1L;

  private final String file;

  public JsonLinesFileSink(Path file) {
    this.file = file.toAbsolutePath().toString();
  }

  @Override
  @SuppressWarnings("deprecation")
  public SinkWriter<String> createWriter(InitContext context) throws IOException {
    return new Writer(Path.of(file));
  }

  @Override
  public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
    return new Writer(Path.of(file));
  }

  private static final class Writer implements SinkWriter<String> {
    private final BufferedWriter out;

    Writer(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    }

    @Override
    public void write(String line, Context context) throws IOException {
      out.write(line);
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
