package io.cuepoint.connectors.recording;

import io.cuepoint.schemas.StreamName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;

/**
 * Bounded sources over a recording folder: one {@code <stream>.jsonl} file per input stream, one
 * JSON record per line. Parsing, timestamps and watermarks happen in the job, so a recording and a
 * Kinesis stream go through exactly the same path.
 */
public final class RecordingSource {
  private RecordingSource() {}

  /** The file of an input stream in a recording folder, if the recording has one. */
  public static Optional<Path> file(Path recording, StreamName stream) {
    Path file = recording.resolve(stream.fileName());
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Reads a file line by line, to its end. */
  public static FileSource<String> lines(Path file) {
    return FileSource.forRecordStreamFormat(
            new TextLineInputFormat(),
            org.apache.flink.core.fs.Path.fromLocalFile(file.toAbsolutePath().toFile()))
        .build();
  }
}
