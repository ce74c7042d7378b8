package io.cuepoint.operators.serialization;

import io.cuepoint.schemas.records.Score;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

final class ScoreFormat implements PartFormat<Score> {
  static final ScoreFormat INSTANCE = new ScoreFormat();

  private ScoreFormat() {}

  @Override
  public void write(Score score, DataOutputView out) throws IOException {
    Fields.writeInt(score.home, out);
    Fields.writeInt(score.away, out);
  }

  @Override
  public Score read(DataInputView in) throws IOException {
    Score score = new Score();
    score.home = Fields.readInt(in);
    score.away = Fields.readInt(in);
    return score;
  }

  @Override
  public Score copy(Score score) {
    Score copy = new Score();
    copy.home = score.home;
    copy.away = score.away;
    return copy;
  }

  @Override
  public Score[] newArray(int length) {
    return new Score[length];
  }
}
