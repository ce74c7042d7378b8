package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The viewer state and the records between operators go through Flink's POJO serializer. */
class ViewerTypesTest {
  @ParameterizedTest
  @ValueSource(
      classes = {
        ViewerState.class,
        MediaState.class,
        ViewerIndex.class,
        WidgetHistory.class,
        LiveContext.class,
        LiveUpdate.class,
        DecisionRequest.class,
        ViewerFeedback.class
      })
  void isAPojoWithoutGenericFields(Class<?> type) {
    TypeInformation<?> info = TypeInformation.of(type);
    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    assertThatCode(() -> info.createSerializer(config.getSerializerConfig())).doesNotThrowAnyException();
  }
}
