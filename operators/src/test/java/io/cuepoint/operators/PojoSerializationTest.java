package io.cuepoint.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cuepoint.schemas.StreamName;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every record type must go through Flink's POJO serializer, never Kryo. */
class PojoSerializationTest {

  @ParameterizedTest
  @EnumSource(StreamName.class)
  void recordTypeIsAPojoWithoutGenericFields(StreamName stream) {
    TypeInformation<?> info = TypeInformation.of(stream.recordType());
    assertThat(info).isInstanceOf(PojoTypeInfo.class);

    ExecutionConfig config = new ExecutionConfig();
    config.disableGenericTypes();
    assertThatCode(() -> info.createSerializer(config.getSerializerConfig())).doesNotThrowAnyException();
  }
}
