package io.cuepoint.operators.serialization;

import io.cuepoint.operators.overlay.ProductFrame;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ProductFrame} with its products and confidences. */
public final class ProductFrameSerializer extends RecordSerializer<ProductFrame> {
  private static final long serialVersionUID = 1L;
  public static final ProductFrameSerializer INSTANCE = new ProductFrameSerializer();

  private ProductFrameSerializer() {
    super(1);
  }

  @Override
  public void serialize(ProductFrame f, DataOutputView out) throws IOException {
    Fields.writeString(f.mediaId, out);
    Fields.writeString(f.channelArn, out);
    Fields.writeString(f.source, out);
    Fields.writeLong(f.eventTime, out);
    Fields.writeLong(f.positionMs, out);
    Fields.writeStrings(f.productIds, out);
    Fields.writeDoubles(f.confidences, out);
  }

  @Override
  public ProductFrame deserialize(DataInputView in) throws IOException {
    ProductFrame f = new ProductFrame();
    f.mediaId = Fields.readString(in);
    f.channelArn = Fields.readString(in);
    f.source = Fields.readString(in);
    f.eventTime = Fields.readLong(in);
    f.positionMs = Fields.readLong(in);
    f.productIds = Fields.readStrings(in);
    f.confidences = Fields.readDoubles(in);
    return f;
  }

  @Override
  public ProductFrame copy(ProductFrame f) {
    ProductFrame copy = new ProductFrame();
    copy.mediaId = f.mediaId;
    copy.channelArn = f.channelArn;
    copy.source = f.source;
    copy.eventTime = f.eventTime;
    copy.positionMs = f.positionMs;
    copy.productIds = Fields.copyStrings(f.productIds);
    copy.confidences = Fields.copyDoubles(f.confidences);
    return copy;
  }

  @Override
  public ProductFrame createInstance() {
    return new ProductFrame();
  }

  @Override
  public TypeSerializerSnapshot<ProductFrame> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Read back by Flink through its no-arg constructor. */
  public static final class Snapshot extends RecordSerializerSnapshot<ProductFrame> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}
