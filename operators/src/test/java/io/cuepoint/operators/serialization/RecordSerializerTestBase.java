package io.cuepoint.operators.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.util.function.Function;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/**
 * Flink's own serializer test suite (copying, serializing alone and in sequences, reuse,
 * duplication across threads, Java serialization of the serializer, snapshot and restore) over
 * random records. Records are compared field by field, since some record classes have no equals.
 */
abstract class RecordSerializerTestBase<T> extends SerializerTestBase<T> {
  private static final int RECORDS = 60;

  private final Class<T> type;
  private final RecordSerializer<T> serializer;
  private final Function<RandomRecords, T> random;

  RecordSerializerTestBase(
      Class<T> type, RecordSerializer<T> serializer, Function<RandomRecords, T> random) {
    super(
        new DeeplyEqualsChecker()
            .withCustomCheck(
                (a, b) -> a != null && b != null && a.getClass() == type,
                (a, b, checker) -> sameFields(a, b)));
    this.type = type;
    this.serializer = serializer;
    this.random = random;
  }

  static boolean sameFields(Object a, Object b) {
    try {
      assertThat(a).usingRecursiveComparison().isEqualTo(b);
      return true;
    } catch (AssertionError notEqual) {
      return false;
    }
  }

  @Override
  protected TypeSerializer<T> createSerializer() {
    return serializer;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<T> getTypeClass() {
    return type;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected T[] getTestData() {
    RandomRecords records = new RandomRecords(type.getName().hashCode());
    T[] data = (T[]) Array.newInstance(type, RECORDS + 1);
    data[0] = serializer.createInstance();
    for (int i = 1; i < data.length; i++) {
      data[i] = random.apply(records);
    }
    return data;
  }
}
