package io.cuepoint.operators.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.operators.overlay.ProductFrame;
import io.cuepoint.operators.shoppable.ProductSightings;
import io.cuepoint.operators.viewer.LiveUpdate;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerEvent;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTypesTest {

  @ParameterizedTest
  @ValueSource(
      classes = {
        Detection.class,
        MatchEvent.class,
        Segment.class,
        ViewerEvent.class,
        MatchUpdate.class,
        LiveUpdate.class,
        ProductSightings.class,
        ProductFrame.class
      })
  void shuffledRecordsGetTheirHandWrittenSerializerEvenWithGenericTypesDisabled(Class<?> type)
      throws Exception {
    TypeInformation<?> info = RecordTypes.of(type);
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();

    assertThat(info).isInstanceOf(RecordTypeInfo.class);
    assertThat(info.getTypeClass()).isEqualTo(type);
    assertThat(info.createSerializer(config.getSerializerConfig()))
        .isInstanceOf(RecordSerializer.class);
    assertThat(info.createSerializer(config.getSerializerConfig()).createInstance()).isInstanceOf(type);
    // Streams declared apart must still union, and a job graph ships its types serialized.
    assertThat(RecordTypes.of(type)).isEqualTo(info);
    assertThat(InstantiationUtil.clone(info)).isEqualTo(info);
  }

  @Test
  void otherRecordsStayFlinkPojos() {
    assertThat(RecordTypes.of(MediaContext.class)).isInstanceOf(PojoTypeInfo.class);
  }
}
