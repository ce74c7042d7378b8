package io.cuepoint.operators.serialization;

import io.cuepoint.operators.viewer.LiveUpdate;

class LiveUpdateSerializerTest extends RecordSerializerTestBase<LiveUpdate> {
  LiveUpdateSerializerTest() {
    super(LiveUpdate.class, LiveUpdateSerializer.INSTANCE, RandomRecords::liveUpdate);
  }
}
