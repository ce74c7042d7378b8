package io.cuepoint.jobs.catalog;

import io.cuepoint.connectors.embedding.ImageEmbedder;
import io.cuepoint.connectors.vectors.VectorIndexWriter;
import io.cuepoint.operators.overlay.CatalogProduct;
import io.cuepoint.operators.overlay.ProductCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Brings a vector index in line with a catalog: embeds the products whose image (or the model)
 * changed since the index last saw them, keeps the others, removes products the catalog no longer
 * has, and commits. A product without a readable image is reported, not fatal; one that had a
 * vector keeps it.
 */
final class CatalogIndexer {
  private static final long EMBED_TIMEOUT_SECONDS = 120;

  private final ImageEmbedder embedder;
  private final VectorIndexWriter writer;

  CatalogIndexer(ImageEmbedder embedder, VectorIndexWriter writer) {
    this.embedder = embedder;
    this.writer = writer;
  }

  IndexResult index(ProductCatalog catalog, CatalogImages images) throws Exception {
    IndexResult result = new IndexResult();
    Map<String, String> stored = writer.fingerprints().get();
    Map<String, CatalogProduct> products = new TreeMap<>(catalog.products());
    for (CatalogProduct product : products.values()) {
      Optional<Path> image = images.imageOf(product);
      if (image.isEmpty()) {
        result.missing.add(product.productId);
        continue;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(image.get());
      } catch (IOException e) {
        result.unreadable.add(product.productId + ": " + e.getMessage());
        continue;
      }
      String fingerprint = fingerprint(bytes, embedder.modelId());
      if (fingerprint.equals(stored.get(product.productId))) {
        result.unchanged.add(product.productId);
        continue;
      }
      float[] vector;
      try {
        vector = embedder.embed(bytes).get(EMBED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        result.unreadable.add(product.productId + ": " + image.get().getFileName() + " " + e.getCause().getMessage());
        continue;
      } catch (TimeoutException e) {
        result.unreadable.add(product.productId + ": not embedded within " + EMBED_TIMEOUT_SECONDS + " s");
        continue;
      }
      writer.upsert(product.productId, fingerprint, vector).get();
      result.embedded.add(product.productId);
    }
    for (String productId : new TreeMap<>(stored).keySet()) {
      if (!products.containsKey(productId)) {
        writer.remove(productId).get();
        result.removed.add(productId);
      }
    }
    writer.commit().get();
    return result;
  }

  /** SHA-256 of the model id and the image bytes, in hex: a new model or image re-embeds. */
  static String fingerprint(byte[] image, String modelId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(modelId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(image);
      StringBuilder hex = new StringBuilder();
      for (byte b : sha.digest()) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
