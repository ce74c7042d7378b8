package io.cuepoint.operators.serialization;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * How a record nested in another one is written, read and copied; its layout is part of the
 * enclosing record's layout. Never handed null: {@link Fields} writes the presence.
 */
interface PartFormat<T> {
  void write(T value, DataOutputView out) throws IOException;

  T read(DataInputView in) throws IOException;

  T copy(T value);

  T[] newArray(int length);
}
