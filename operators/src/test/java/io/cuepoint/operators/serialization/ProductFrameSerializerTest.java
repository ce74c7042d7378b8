package io.cuepoint.operators.serialization;

import io.cuepoint.operators.overlay.ProductFrame;

class ProductFrameSerializerTest extends RecordSerializerTestBase<ProductFrame> {
  ProductFrameSerializerTest() {
    super(ProductFrame.class, ProductFrameSerializer.INSTANCE, RandomRecords::productFrame);
  }
}
