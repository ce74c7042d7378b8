package io.cuepoint.connectors.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVectorIndexFileTest {
  @TempDir Path dir;

  @Test
  void whatIsCommittedIsReadBackExactly() throws Exception {
    Path file = dir.resolve("index.cpvi");
    VectorIndexFileFormat.Contents written = LocalVectorIndexTest.randomContents(new Random(3), 50, 16);
    VectorIndexFileFormat.write(file, written);
    VectorIndexFileFormat.Contents read = VectorIndexFileFormat.read(file);
    assertThat(read.modelId).isEqualTo(written.modelId);
    assertThat(read.dimensions).isEqualTo(16);
    assertThat(read.productIds).containsExactly(written.productIds);
    assertThat(read.fingerprints).containsExactly(written.fingerprints);
    assertThat(read.vectors).containsExactly(written.vectors);
    assertThat(Files.size(file)).isLessThan(50L * 16 * 4 + 50L * 16 + 100);
  }

  @Test
  void upsertsAndRemovalsReachTheFileOnlyOnCommitAndSurviveReopening() throws Exception {
    Path file = dir.resolve("sub/index.cpvi");
    try (LocalVectorIndexFile writer = LocalVectorIndexFile.open(file, "m1", 2)) {
      assertThat(writer.fingerprints().get()).isEmpty();
      writer.upsert("b", "fb", new float[] {0, 1}).get();
      writer.upsert("a", "fa", new float[] {1, 0}).get();
      assertThat(Files.exists(file)).isFalse();
      writer.commit().get();
    }
    try (LocalVectorIndexFile writer = LocalVectorIndexFile.open(file, "m1", 2)) {
      assertThat(writer.fingerprints().get()).isEqualTo(Map.of("a", "fa", "b", "fb"));
      writer.remove("a").get();
      writer.upsert("b", "fb2", new float[] {0.6f, 0.8f}).get();
      writer.upsert("c", "fc", new float[] {1, 0}).get();
      writer.commit().get();
    }
    try (LocalVectorIndex index = LocalVectorIndex.open(file, "m1")) {
      ProductMatch[] found = index.search(new float[] {1, 0}, 5);
      assertThat(found).extracting(m -> m.productId).containsExactly("c", "b");
      assertThat(found[1].similarity).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
    }
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anIndexOfAnotherModelCannotBeQueriedAndIsReplacedByTheNextIndexing() throws Exception {
    Path file = dir.resolve("index.cpvi");
    try (LocalVectorIndexFile writer = LocalVectorIndexFile.open(file, "old-model", 2)) {
      writer.upsert("a", "fa", new float[] {1, 0}).get();
      writer.commit().get();
    }
    assertThatThrownBy(() -> LocalVectorIndex.open(file, "new-model"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds vectors of model 'old-model', not of 'new-model'");
    try (LocalVectorIndexFile writer = LocalVectorIndexFile.open(file, "new-model", 3)) {
      assertThat(writer.replacesOtherModel()).isTrue();
      assertThat(writer.fingerprints().get()).isEmpty();
      assertThat(writer.upsert("a", "x", new float[] {1, 0}))
          .failsWithin(java.time.Duration.ZERO)
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withMessageContaining("vector has 2 dimensions, the index of model 'new-model' has 3");
      writer.upsert("a", "fa3", new float[] {0, 0, 1}).get();
      writer.commit().get();
    }
    try (LocalVectorIndex index = LocalVectorIndex.open(file, "new-model")) {
      assertThat(index.dimensions()).isEqualTo(3);
      assertThat(index.size()).isEqualTo(1);
    }
  }

  @Test
  void aTruncatedOrForeignFileIsRefusedWithTheReason() throws Exception {
    Path file = dir.resolve("index.cpvi");
    VectorIndexFileFormat.write(file, LocalVectorIndexTest.randomContents(new Random(4), 5, 4));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> VectorIndexFileFormat.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ends too early");
    Files.writeString(file, "{\"products\": []}");
    assertThatThrownBy(() -> VectorIndexFileFormat.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a Cuepoint vector index file");
  }
}
