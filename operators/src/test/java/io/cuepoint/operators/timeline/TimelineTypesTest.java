package io.cuepoint.operators.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The timeline's state types go through Flink's POJO serializer, never Kryo. */
class TimelineTypesTest {

  @ParameterizedTest
  @ValueSource(
      classes = {MediaTimeline.class, DetectionPane.class, PaneItem.class, MatchPane.class})
  void isAPojoWithoutGenericFields(Class<?> type) {
    TypeInformation<?> info = TypeInformation.of(type);
    assertThat(info).isInstanceOf(PojoTypeInfo.class);

    ExecutionConfig config = new ExecutionConfig();
    config.getSerializerConfig().setGenericTypes(false);
    assertThatCode(() -> info.createSerializer(config.getSerializerConfig()))
        .doesNotThrowAnyException();
  }
}
