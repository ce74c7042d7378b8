package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.MatchEvent;

class MatchEventSerializerTest extends RecordSerializerTestBase<MatchEvent> {
  MatchEventSerializerTest() {
    super(MatchEvent.class, MatchEventSerializer.INSTANCE, RandomRecords::matchEvent);
  }
}
