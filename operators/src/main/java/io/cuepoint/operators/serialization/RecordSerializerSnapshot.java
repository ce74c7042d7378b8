package io.cuepoint.operators.serialization;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a {@link RecordSerializer}: which binary layout the state was written in. A
 * restore with the same serializer class and layout is compatible as is; anything else is refused,
 * since a layout cannot be read by a serializer of another one. Each serializer has a subclass with
 * a public no-arg constructor, which Flink instantiates when it reads the snapshot back.
 */
public abstract class RecordSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private static final int VERSION = 1;

  private final RecordSerializer<T> current;
  private int format;

  protected RecordSerializerSnapshot(RecordSerializer<T> current) {
    this.current = current;
    this.format = current.format();
  }

  /** The layout of the state this snapshot describes. */
  public int format() {
    return format;
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeInt(format);
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
      throws IOException {
    if (readVersion != VERSION) {
      throw new IOException(
          getClass().getName() + ": unknown snapshot version " + readVersion + ", expected " + VERSION);
    }
    format = in.readInt();
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    if (format != current.format()) {
      throw new IllegalStateException(
          current.getClass().getSimpleName()
              + " reads layout "
              + current.format()
              + ", the state was written in layout "
              + format);
    }
    return current;
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    if (oldSerializerSnapshot.getClass() != getClass()
        || ((RecordSerializerSnapshot<T>) oldSerializerSnapshot).format != current.format()) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    return TypeSerializerSchemaCompatibility.compatibleAsIs();
  }
}
