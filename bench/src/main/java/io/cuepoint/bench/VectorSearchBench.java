package io.cuepoint.bench;

import io.cuepoint.connectors.vectors.LocalVectorIndex;
import io.cuepoint.connectors.vectors.ProductMatch;
import io.cuepoint.connectors.vectors.VectorIndexFileFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Speed of the exact in-memory product search ({@link LocalVectorIndex}) on one thread: random
 * unit vectors for the catalog and the queries, top 10 of each query.
 *
 * <pre>
 * java -cp bench/target/classes:connectors/target/classes io.cuepoint.bench.VectorSearchBench [products] [dimensions] [queries]
 * </pre>
 */
public final class VectorSearchBench {
  private VectorSearchBench() {}

  public static void main(String[] args) {
    int products = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dimensions = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int k = 10;
    Random rnd = new Random(1);
    String[] ids = new String[products];
    String[] fingerprints = new String[products];
    float[] vectors = new float[products * dimensions];
    for (int p = 0; p < products; p++) {
      ids[p] = String.format("p%07d", p);
      fingerprints[p] = "";
      unit(rnd, vectors, p * dimensions, dimensions);
    }
    float[][] query = new float[queries][dimensions];
    for (float[] q : query) {
      unit(rnd, q, 0, dimensions);
    }
    try (LocalVectorIndex index =
        new LocalVectorIndex(
            new VectorIndexFileFormat.Contents("bench", dimensions, ids, fingerprints, vectors))) {
      double sink = 0;
      for (int i = 0; i < Math.min(300, queries); i++) {
        sink += index.search(query[i], k)[0].similarity;
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (float[] q : query) {
        ProductMatch[] best = index.search(q, k);
        sink += best[0].similarity;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(
          "exact search, %,d products × %d dimensions, top %d, one thread: %,.0f queries/s, %.2f ms"
              + " per query wall clock; %.2f ms CPU per query (%,.0f queries per CPU-second)"
              + " (%,d queries in %.2f s; %s, %d cores; checksum %.3f)%n",
          products, dimensions, k, queries / seconds, seconds * 1000 / queries,
          cpuSeconds * 1000 / queries, queries / cpuSeconds, queries, seconds,
          System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), sink);
    }
  }

  private static void unit(Random rnd, float[] into, int offset, int dimensions) {
    double sum = 0;
    for (int d = 0; d < dimensions; d++) {
      float v = (float) rnd.nextGaussian();
      into[offset + d] = v;
      sum += v * v;
    }
    float scale = (float) (1 / Math.sqrt(sum));
    for (int d = 0; d < dimensions; d++) {
      into[offset + d] *= scale;
    }
  }
}
