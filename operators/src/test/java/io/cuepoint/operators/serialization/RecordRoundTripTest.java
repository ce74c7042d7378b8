package io.cuepoint.operators.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.operators.overlay.ProductFrame;
import io.cuepoint.operators.shoppable.ProductSightings;
import io.cuepoint.operators.viewer.LiveUpdate;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerEvent;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Records come back equal through bytes, copies and a savepoint's serializer snapshot. */
class RecordRoundTripTest {
  private static final ClassLoader LOADER = RecordRoundTripTest.class.getClassLoader();

  static Stream<Arguments> serializers() {
    return Stream.of(
        case_(DetectionSerializer.INSTANCE, RandomRecords::detection),
        case_(ViewerEventSerializer.INSTANCE, RandomRecords::viewerEvent),
        case_(MatchEventSerializer.INSTANCE, RandomRecords::matchEvent),
        case_(SegmentSerializer.INSTANCE, RandomRecords::segment),
        case_(MatchUpdateSerializer.INSTANCE, RandomRecords::matchUpdate),
        case_(LiveUpdateSerializer.INSTANCE, RandomRecords::liveUpdate),
        case_(ProductSightingsSerializer.INSTANCE, RandomRecords::productSightings),
        case_(ProductFrameSerializer.INSTANCE, RandomRecords::productFrame));
  }

  private static <T> Arguments case_(RecordSerializer<T> serializer, Function<RandomRecords, T> random) {
    return Arguments.of(serializer.getClass().getSimpleName(), serializer, random);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializers")
  <T> void recordsComeBackEqualThroughBytesAndCopies(
      String name, RecordSerializer<T> serializer, Function<RandomRecords, T> random)
      throws IOException {
    RandomRecords records = new RandomRecords(7);
    DataOutputSerializer out = new DataOutputSerializer(256);
    for (int i = 0; i < 200; i++) {
      T record = random.apply(records);
      out.clear();
      serializer.serialize(record, out);
      T read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
      assertThat(read).usingRecursiveComparison().isEqualTo(record);

      T copy = serializer.copy(record);
      assertThat(copy).isNotSameAs(record).usingRecursiveComparison().isEqualTo(record);
      DataOutputSerializer again = new DataOutputSerializer(256);
      serializer.serialize(copy, again);
      assertThat(again.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializers")
  <T> void snapshotRestoresTheSameSerializerCompatibleAsIs(
      String name, RecordSerializer<T> serializer, Function<RandomRecords, T> random)
      throws IOException {
    TypeSerializerSnapshot<T> restored = writeAndRead(serializer.snapshotConfiguration());

    assertThat(restored).isInstanceOf(serializer.snapshotConfiguration().getClass());
    TypeSerializer<T> restoredSerializer = restored.restoreSerializer();
    assertThat(restoredSerializer).isEqualTo(serializer);
    TypeSerializerSchemaCompatibility<T> compatibility =
        serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
    assertThat(compatibility.isCompatibleAsIs()).isTrue();

    T record = random.apply(new RandomRecords(11));
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(record, out);
    assertThat(restoredSerializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .usingRecursiveComparison()
        .isEqualTo(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializers")
  <T> void stateInAnotherLayoutIsRefused(
      String name, RecordSerializer<T> serializer, Function<RandomRecords, T> random)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(serializer.snapshotConfiguration().getClass().getName());
    out.writeInt(serializer.snapshotConfiguration().getCurrentVersion());
    out.writeInt(serializer.format() + 1);
    TypeSerializerSnapshot<T> later =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), LOADER);

    assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(later).isIncompatible())
        .isTrue();
    assertThatThrownBy(later::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layout " + (serializer.format() + 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializers")
  <T> void stateOfAnotherRecordIsRefused(
      String name, RecordSerializer<T> serializer, Function<RandomRecords, T> random) {
    @SuppressWarnings("unchecked")
    TypeSerializerSnapshot<T> other =
        (TypeSerializerSnapshot<T>)
            (serializer == DetectionSerializer.INSTANCE
                ? SegmentSerializer.INSTANCE.snapshotConfiguration()
                : DetectionSerializer.INSTANCE.snapshotConfiguration());

    assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(other).isIncompatible())
        .isTrue();
  }

  private static <T> TypeSerializerSnapshot<T> writeAndRead(TypeSerializerSnapshot<T> snapshot)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), LOADER);
  }
}
