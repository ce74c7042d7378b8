package io.cuepoint.operators.serialization;

import io.cuepoint.operators.shoppable.ProductSighting;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

final class ProductSightingFormat implements PartFormat<ProductSighting> {
  static final ProductSightingFormat INSTANCE = new ProductSightingFormat();

  private ProductSightingFormat() {}

  @Override
  public void write(ProductSighting sighting, DataOutputView out) throws IOException {
    Fields.writeString(sighting.productId, out);
    out.writeLong(sighting.positionMs);
    out.writeDouble(sighting.similarity);
  }

  @Override
  public ProductSighting read(DataInputView in) throws IOException {
    return new ProductSighting(Fields.readString(in), in.readLong(), in.readDouble());
  }

  @Override
  public ProductSighting copy(ProductSighting sighting) {
    return new ProductSighting(sighting.productId, sighting.positionMs, sighting.similarity);
  }

  @Override
  public ProductSighting[] newArray(int length) {
    return new ProductSighting[length];
  }
}
