package io.cuepoint.operators.serialization;

import io.cuepoint.operators.match.MatchUpdate;

class MatchUpdateSerializerTest extends RecordSerializerTestBase<MatchUpdate> {
  MatchUpdateSerializerTest() {
    super(MatchUpdate.class, MatchUpdateSerializer.INSTANCE, RandomRecords::matchUpdate);
  }
}
