package io.cuepoint.operators.serialization;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The type of a record with a hand-written {@link RecordSerializer}: opaque to Flink, not a key. */
public final class RecordTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final RecordSerializer<T> serializer;

  public RecordTypeInfo(Class<T> type, RecordSerializer<T> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer;
  }

  @Override
  @Deprecated
  public TypeSerializer<T> createSerializer(ExecutionConfig config) {
    return serializer;
  }

  @Override
  public String toString() {
    return "Record<" + type.getName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordTypeInfo)) {
      return false;
    }
    RecordTypeInfo<?> that = (RecordTypeInfo<?>) o;
    return that.canEqual(this) && type == that.type && serializer.equals(that.serializer);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + serializer.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof RecordTypeInfo;
  }
}
