package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.Detection;

class DetectionSerializerTest extends RecordSerializerTestBase<Detection> {
  DetectionSerializerTest() {
    super(Detection.class, DetectionSerializer.INSTANCE, RandomRecords::detection);
  }
}
