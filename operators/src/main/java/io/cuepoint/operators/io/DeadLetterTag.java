package io.cuepoint.operators.io;

import io.cuepoint.schemas.records.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side output every operator uses for records it cannot use. */
public final class DeadLetterTag {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  private DeadLetterTag() {}
}
