package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.ViewerEvent;

class ViewerEventSerializerTest extends RecordSerializerTestBase<ViewerEvent> {
  ViewerEventSerializerTest() {
    super(ViewerEvent.class, ViewerEventSerializer.INSTANCE, RandomRecords::viewerEvent);
  }
}
