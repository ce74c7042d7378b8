package io.cuepoint.jobs.report;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@code .jsonl} file one line at a time. A line that does not decode, or lacks a field
 * the report needs, is counted as unreadable and skipped: a report is still worth having when a
 * file has a bad line.
 */
final class RecordLines {
  /** Takes one decoded record and its line; throws when the record lacks what it needs. */
  interface Handler<T> {
    void accept(T record, String line) throws RecordException;
  }

  /** Records and unreadable lines of one file. */
  static final class Count {
    long records;
    long unreadable;
    boolean present;
  }

  private RecordLines() {}

  static <T> Count read(Path file, Class<T> type, Handler<T> handler) throws IOException {
    Count count = new Count();
    if (!Files.isRegularFile(file)) {
      return count;
    }
    count.present = true;
    try (BufferedReader reader = open(file)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        try {
          handler.accept(RecordCodec.decode(line, type), line);
          count.records++;
        } catch (RecordException e) {
          count.unreadable++;
        }
      }
    }
    return count;
  }

  /** Counts non-blank lines without decoding them (inputs the report does not draw). */
  static Count countLines(Path file) throws IOException {
    Count count = new Count();
    if (!Files.isRegularFile(file)) {
      return count;
    }
    count.present = true;
    try (BufferedReader reader = open(file)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          count.records++;
        }
      }
    }
    return count;
  }

  /** Malformed bytes become U+FFFD instead of failing the whole file. */
  private static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  static <V> V require(String field, V value) throws RecordException {
    if (value == null) {
      throw new RecordException(field + " is missing");
    }
    return value;
  }
}
