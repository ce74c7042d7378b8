package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.Segment;

class SegmentSerializerTest extends RecordSerializerTestBase<Segment> {
  SegmentSerializerTest() {
    super(Segment.class, SegmentSerializer.INSTANCE, RandomRecords::segment);
  }
}
