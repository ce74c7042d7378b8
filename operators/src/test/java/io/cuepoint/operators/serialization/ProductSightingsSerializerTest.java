package io.cuepoint.operators.serialization;

import io.cuepoint.operators.shoppable.ProductSightings;

class ProductSightingsSerializerTest extends RecordSerializerTestBase<ProductSightings> {
  ProductSightingsSerializerTest() {
    super(ProductSightings.class, ProductSightingsSerializer.INSTANCE, RandomRecords::productSightings);
  }
}
