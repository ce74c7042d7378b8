package io.cuepoint.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.Detection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Reading detections on one thread: Jackson alone against the codec's reading (its fast path for
 * plain lines), over the bench's detections, round after round so the JIT settles. Arguments:
 * {@code [records] [rounds]} (200,000 and 6). Prints CPU ns per record of each, per round.
 */
public final class DecodeBench {
  private DecodeBench() {}

  public static void main(String[] args) throws IOException, RecordException {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    SplittableRandom rnd = new SplittableRandom(42);
    String[] lines = new String[records];
    for (int i = 0; i < records; i++) {
      lines[i] =
          RecordCodec.encode(BenchInput.detection(rnd, "media-" + rnd.nextInt(1_000), BenchInput.START + i));
    }
    ObjectReader jackson = RecordCodec.mapper().readerFor(Detection.class);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int round = 1; round <= rounds; round++) {
      long start = cpu.getCurrentThreadCpuTime();
      for (String line : lines) {
        Detection d = jackson.readValue(line);
        checksum += d.items.length;
      }
      long jacksonNanos = cpu.getCurrentThreadCpuTime() - start;
      start = cpu.getCurrentThreadCpuTime();
      for (String line : lines) {
        Detection d = RecordCodec.decode(line, Detection.class);
        checksum += d.items.length;
      }
      long codecNanos = cpu.getCurrentThreadCpuTime() - start;
      System.out.printf(
          "round %d: jackson %,d ns/record, codec %,d ns/record (%.2fx)%n",
          round, jacksonNanos / records, codecNanos / records, (double) jacksonNanos / codecNanos);
    }
    System.out.printf("%,d records, checksum %d%n", records, checksum);
  }
}
