package io.cuepoint.operators.serialization;

import io.cuepoint.operators.shoppable.ProductSightings;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ProductSightings} with each sighting. */
public final class ProductSightingsSerializer extends RecordSerializer<ProductSightings> {
  private static final long serialVersionUID = 1L;
  public static final ProductSightingsSerializer INSTANCE = new ProductSightingsSerializer();

  private ProductSightingsSerializer() {
    super(1);
  }

  @Override
  public void serialize(ProductSightings s, DataOutputView out) throws IOException {
    Fields.writeString(s.mediaId, out);
    out.writeLong(s.eventTime);
    Fields.writeParts(s.sightings, ProductSightingFormat.INSTANCE, out);
  }

  @Override
  public ProductSightings deserialize(DataInputView in) throws IOException {
    ProductSightings s = new ProductSightings();
    s.mediaId = Fields.readString(in);
    s.eventTime = in.readLong();
    s.sightings = Fields.readParts(ProductSightingFormat.INSTANCE, in);
    return s;
  }

  @Override
  public ProductSightings copy(ProductSightings s) {
    ProductSightings copy = new ProductSightings();
    copy.mediaId = s.mediaId;
    copy.eventTime = s.eventTime;
    copy.sightings = Fields.copyParts(s.sightings, ProductSightingFormat.INSTANCE);
    return copy;
  }

  @Override
  public ProductSightings createInstance() {
    return new ProductSightings();
  }

  @Override
  public TypeSerializerSnapshot<ProductSightings> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<ProductSightings> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
