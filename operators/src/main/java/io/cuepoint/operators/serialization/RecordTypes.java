package io.cuepoint.operators.serialization;

import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.operators.overlay.ProductFrame;
import io.cuepoint.operators.shoppable.ProductSightings;
import io.cuepoint.operators.viewer.LiveUpdate;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerEvent;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The type information to declare a stream of records with: the hand-written serializer for the
 * records that cross network shuffles on the hot path (Flink's reflective POJO serializer cost a
 * tenth of their tasks' time), Flink's own type for every other class. Every stream of one record
 * class must be declared through here, since Flink unions only streams of equal types.
 */
public final class RecordTypes {
  private static final Map<Class<?>, TypeInformation<?>> WRITTEN_BY_HAND =
      Map.of(
          Detection.class, new RecordTypeInfo<>(Detection.class, DetectionSerializer.INSTANCE),
          MatchEvent.class, new RecordTypeInfo<>(MatchEvent.class, MatchEventSerializer.INSTANCE),
          Segment.class, new RecordTypeInfo<>(Segment.class, SegmentSerializer.INSTANCE),
          ViewerEvent.class, new RecordTypeInfo<>(ViewerEvent.class, ViewerEventSerializer.INSTANCE),
          MatchUpdate.class, new RecordTypeInfo<>(MatchUpdate.class, MatchUpdateSerializer.INSTANCE),
          LiveUpdate.class, new RecordTypeInfo<>(LiveUpdate.class, LiveUpdateSerializer.INSTANCE),
          ProductSightings.class,
              new RecordTypeInfo<>(ProductSightings.class, ProductSightingsSerializer.INSTANCE),
          ProductFrame.class, new RecordTypeInfo<>(ProductFrame.class, ProductFrameSerializer.INSTANCE));

  private RecordTypes() {}

  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> of(Class<T> type) {
    TypeInformation<?> info = WRITTEN_BY_HAND.get(type);
    return info != null ? (TypeInformation<T>) info : TypeInformation.of(type);
  }
}
