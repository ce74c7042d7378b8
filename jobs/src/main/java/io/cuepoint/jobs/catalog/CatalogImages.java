package io.cuepoint.jobs.catalog;

import io.cuepoint.operators.overlay.CatalogProduct;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a catalog product's image in a local folder: {@code <productId>.jpg}, {@code .jpeg} or
 * {@code .png}, else the file named as the last part of its {@code imageUrl} (as a download of
 * the shop's images would name it). Nothing outside the folder is ever read.
 */
final class CatalogImages {
  private static final String[] EXTENSIONS = {".jpg", ".jpeg", ".png"};

  private final Path folder;

  CatalogImages(Path folder) {
    this.folder = folder;
  }

  Optional<Path> imageOf(CatalogProduct product) {
    for (String extension : EXTENSIONS) {
      Optional<Path> byId = inFolder(product.productId + extension);
      if (byId.isPresent()) {
        return byId;
      }
    }
    return urlFileName(product.imageUrl).flatMap(this::inFolder);
  }

  private Optional<Path> inFolder(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
      return Optional.empty();
    }
    Path file = folder.resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static Optional<String> urlFileName(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String path;
    try {
      path = URI.create(url.trim()).getPath();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path == null || path.endsWith("/")) {
      return Optional.empty();
    }
    return Optional.of(path.substring(path.lastIndexOf('/') + 1));
  }
}
