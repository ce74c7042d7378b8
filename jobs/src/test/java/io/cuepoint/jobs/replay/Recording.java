package io.cuepoint.jobs.replay;

import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A recording folder written by a test: records and raw lines per input stream. */
final class Recording {
  private final Map<StreamName, List<String>> lines = new EnumMap<>(StreamName.class);

  Recording add(StreamName stream, Object record) {
    return raw(stream, RecordCodec.encode(record));
  }

  Recording raw(StreamName stream, String line) {
    lines.computeIfAbsent(stream, s -> new ArrayList<>()).add(line);
    return this;
  }

  Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<StreamName, List<String>> e : lines.entrySet()) {
      Files.write(dir.resolve(e.getKey().fileName()), e.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }
}
