package io.cuepoint.operators.serialization;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written serializer of one mutable record class: fields written in a fixed order, no
 * reflection, no per-field serializers. Stateless, so one instance serves every thread.
 *
 * <p>The binary layout has a format number ({@link #format()}), written into every snapshot: a
 * change of the layout (a field added, an enum reordered) must bump it, so that state written in
 * the old layout is refused instead of misread.
 */
public abstract class RecordSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final int format;

  protected RecordSerializer(int format) {
    this.format = format;
  }

  /** The version of the binary layout this serializer reads and writes. */
  public final int format() {
    return format;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((RecordSerializer<?>) o).format == format;
  }

  @Override
  public int hashCode() {
    return 31 * getClass().getName().hashCode() + format;
  }
}
