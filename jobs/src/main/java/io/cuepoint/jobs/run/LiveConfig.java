package io.cuepoint.jobs.run;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.dynamodb.TimelineTableSettings;
import io.cuepoint.connectors.kinesis.KinesisSinkSettings;
import io.cuepoint.connectors.kinesis.KinesisSourceSettings;
import io.cuepoint.connectors.kinesis.ReaderType;
import io.cuepoint.connectors.kinesis.StartPosition;
import io.cuepoint.connectors.kinesis.StreamArn;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Setting;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.schemas.StreamName;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a live run ({@code run}, {@code record}), checked and turned into what the
 * connectors take: stream ARNs per input and output, how to reach AWS, how to read and write.
 * Every problem is one line naming the property.
 */
public final class LiveConfig {
  /** The setting that names each stream's Kinesis stream. */
  public static final Map<StreamName, Setting<String>> STREAMS = streams();

  final Map<StreamName, StreamArn> inputs;
  final Map<StreamName, StreamArn> outputs;
  final AwsAccess kinesis;
  final KinesisSourceSettings source;
  final KinesisSinkSettings sink;
  /** Null when media-context is not written to a table. */
  final TimelineTableSettings table;
  final AwsAccess tableAccess;

  private LiveConfig(
      Map<StreamName, StreamArn> inputs,
      Map<StreamName, StreamArn> outputs,
      AwsAccess kinesis,
      KinesisSourceSettings source,
      KinesisSinkSettings sink,
      TimelineTableSettings table,
      AwsAccess tableAccess) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.kinesis = kinesis;
    this.source = source;
    this.sink = sink;
    this.table = table;
    this.tableAccess = tableAccess;
  }

  /**
   * Rules across the live settings that hold for any command, so a replay refuses a config file
   * that a live run would refuse.
   */
  public static void check(CuepointConfig c) {
    if (c.get(Settings.KINESIS_START_POSITION).equals("at-timestamp")
        && isNone(c.get(Settings.KINESIS_START_TIMESTAMP))) {
      throw new ConfigException(
          Settings.KINESIS_START_TIMESTAMP.id()
              + ": required with "
              + Settings.KINESIS_START_POSITION.id()
              + " at-timestamp");
    }
    if (c.get(Settings.AWS_CREDENTIALS).equals("emulator")) {
      if (isNone(c.get(Settings.KINESIS_ENDPOINT))) {
        throw new ConfigException(
            Settings.KINESIS_ENDPOINT.id() + ": required with " + Settings.AWS_CREDENTIALS.id() + " emulator");
      }
      if (!isNone(c.get(Settings.TIMELINE_TABLE)) && isNone(c.get(Settings.TIMELINE_TABLE_ENDPOINT))) {
        throw new ConfigException(
            Settings.TIMELINE_TABLE_ENDPOINT.id()
                + ": required with "
                + Settings.AWS_CREDENTIALS.id()
                + " emulator and a "
                + Settings.TIMELINE_TABLE.id());
      }
    }
    if (c.get(Settings.KINESIS_SINK_BUFFERED) <= c.get(Settings.KINESIS_SINK_BATCH)) {
      throw new ConfigException(
          Settings.KINESIS_SINK_BUFFERED.id() + ": must be more than " + Settings.KINESIS_SINK_BATCH.id());
    }
    if (c.get(Settings.CHECKPOINT_INTERVAL).toMillis() < 10) {
      throw new ConfigException(Settings.CHECKPOINT_INTERVAL.id() + ": must be at least 10ms");
    }
    if (c.get(Settings.CHECKPOINT_TIMEOUT).toMillis() < 10) {
      throw new ConfigException(Settings.CHECKPOINT_TIMEOUT.id() + ": must be at least 10ms");
    }
    if (c.get(Settings.KINESIS_SHARD_DISCOVERY).toMillis() < 1000) {
      throw new ConfigException(Settings.KINESIS_SHARD_DISCOVERY.id() + ": must be at least 1s");
    }
  }

  /**
   * What {@code run} needs on top of {@link #check}: at least one input, a dead-letters output,
   * and a region and account for every stream given by name.
   *
   * @param environment the process environment (AWS_REGION)
   */
  public static LiveConfig forRun(CuepointConfig c, Map<String, String> environment) {
    Map<StreamName, StreamArn> inputs = new EnumMap<>(StreamName.class);
    Map<StreamName, StreamArn> outputs = new EnumMap<>(StreamName.class);
    Map<StreamName, StreamArn> all = streamArns(c, environment);
    all.forEach((stream, arn) -> (stream.isInput() ? inputs : outputs).put(stream, arn));
    if (inputs.isEmpty()) {
      throw new ConfigException(
          "Streams: run needs at least one input stream (Streams.detections, Streams.match-events,"
              + " Streams.segments or Streams.viewer-events)");
    }
    if (!outputs.containsKey(StreamName.DEAD_LETTERS)) {
      throw new ConfigException(
          Settings.STREAM_DEAD_LETTERS.id() + ": required by run (bad records must go somewhere)");
    }
    // Each stream is reached in its ARN's region; this region is only the default.
    AwsAccess kinesis =
        new AwsAccess(
            region(c, environment, all, "Kinesis"), endpoint(c.get(Settings.KINESIS_ENDPOINT)), emulator(c));
    TimelineTableSettings table = null;
    AwsAccess tableAccess = null;
    if (!isNone(c.get(Settings.TIMELINE_TABLE))) {
      table = new TimelineTableSettings();
      table.tableName = c.get(Settings.TIMELINE_TABLE);
      table.timeToLiveMs = c.get(Settings.TIMELINE_TABLE_TTL).toMillis();
      table.maxBatchSize = c.get(Settings.TIMELINE_TABLE_BATCH);
      String region = region(c, environment, all, Settings.TIMELINE_TABLE.id());
      tableAccess =
          new AwsAccess(region, endpoint(c.get(Settings.TIMELINE_TABLE_ENDPOINT)), emulator(c));
    }
    return new LiveConfig(
        Collections.unmodifiableMap(inputs),
        Collections.unmodifiableMap(outputs),
        kinesis,
        sourceSettings(c),
        sinkSettings(c),
        table,
        tableAccess);
  }

  /** How to reach Kinesis in a region, for {@code record}. */
  public static AwsAccess kinesisAccess(CuepointConfig c, String region) {
    return new AwsAccess(region, endpoint(c.get(Settings.KINESIS_ENDPOINT)), emulator(c));
  }

  /** A stream named by ARN, or by name with the configured region and account. */
  public static StreamArn resolve(
      String text, String property, CuepointConfig c, Map<String, String> environment) {
    if (StreamArn.looksLikeArn(text)) {
      try {
        return StreamArn.parse(text);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(property + ": " + e.getMessage());
      }
    }
    String account = c.get(Settings.AWS_ACCOUNT_ID);
    if (isNone(account)) {
      throw new ConfigException(
          property
              + ": '"
              + text
              + "' is a stream name, which needs "
              + Settings.AWS_ACCOUNT_ID.id()
              + " (or give the stream's ARN)");
    }
    String region = regionSetting(c, environment);
    if (region == null) {
      throw new ConfigException(
          Settings.AWS_REGION.id()
              + ": auto, but AWS_REGION is not set; the stream name '"
              + text
              + "' in "
              + property
              + " needs a region");
    }
    return StreamArn.of("aws", region, account, text);
  }

  private static Map<StreamName, StreamArn> streamArns(CuepointConfig c, Map<String, String> environment) {
    Map<StreamName, StreamArn> arns = new LinkedHashMap<>();
    STREAMS.forEach(
        (stream, setting) -> {
          String value = c.get(setting);
          if (!isNone(value)) {
            arns.put(stream, resolve(value, setting.id(), c, environment));
          }
        });
    return arns;
  }

  private static String region(
      CuepointConfig c, Map<String, String> environment, Map<StreamName, StreamArn> streams, String forWhat) {
    String region = regionSetting(c, environment);
    if (region != null) {
      return region;
    }
    for (StreamArn arn : streams.values()) {
      return arn.region();
    }
    throw new ConfigException(
        Settings.AWS_REGION.id() + ": auto, but AWS_REGION is not set and no stream ARN names a region (needed by " + forWhat + ")");
  }

  /** Aws.region, else AWS_REGION; null if neither is set. */
  private static String regionSetting(CuepointConfig c, Map<String, String> environment) {
    String region = c.get(Settings.AWS_REGION);
    if (!region.equals("auto")) {
      return region;
    }
    String fromEnvironment = environment.get("AWS_REGION");
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
  }

  private static KinesisSourceSettings sourceSettings(CuepointConfig c) {
    KinesisSourceSettings s = new KinesisSourceSettings();
    s.startPosition = StartPosition.valueOf(c.get(Settings.KINESIS_START_POSITION).toUpperCase().replace('-', '_'));
    if (s.startPosition == StartPosition.AT_TIMESTAMP) {
      s.startTimestampMs = Instant.parse(c.get(Settings.KINESIS_START_TIMESTAMP)).toEpochMilli();
    }
    s.reader = ReaderType.valueOf(c.get(Settings.KINESIS_READER).toUpperCase());
    s.efoConsumerName = c.get(Settings.KINESIS_EFO_CONSUMER);
    s.shardDiscoveryIntervalMs = c.get(Settings.KINESIS_SHARD_DISCOVERY).toMillis();
    return s;
  }

  private static KinesisSinkSettings sinkSettings(CuepointConfig c) {
    KinesisSinkSettings s = new KinesisSinkSettings();
    s.maxBatchSize = c.get(Settings.KINESIS_SINK_BATCH);
    s.maxInFlightRequests = c.get(Settings.KINESIS_SINK_IN_FLIGHT);
    s.maxBufferedRequests = c.get(Settings.KINESIS_SINK_BUFFERED);
    s.maxTimeInBufferMs = c.get(Settings.KINESIS_SINK_MAX_TIME).toMillis();
    return s;
  }

  private static boolean emulator(CuepointConfig c) {
    return c.get(Settings.AWS_CREDENTIALS).equals("emulator");
  }

  private static String endpoint(String value) {
    return isNone(value) ? "" : value;
  }

  static boolean isNone(String value) {
    return value.equals("none");
  }

  private static Map<StreamName, Setting<String>> streams() {
    Map<StreamName, Setting<String>> m = new EnumMap<>(StreamName.class);
    m.put(StreamName.SEGMENTS, Settings.STREAM_SEGMENTS);
    m.put(StreamName.DETECTIONS, Settings.STREAM_DETECTIONS);
    m.put(StreamName.MATCH_EVENTS, Settings.STREAM_MATCH_EVENTS);
    m.put(StreamName.VIEWER_EVENTS, Settings.STREAM_VIEWER_EVENTS);
    m.put(StreamName.MEDIA_CONTEXT, Settings.STREAM_MEDIA_CONTEXT);
    m.put(StreamName.EVENTS_OF_INTEREST, Settings.STREAM_EVENTS_OF_INTEREST);
    m.put(StreamName.OVERLAYS, Settings.STREAM_OVERLAYS);
    m.put(StreamName.VIEWER_ACTIONS, Settings.STREAM_VIEWER_ACTIONS);
    m.put(StreamName.SHOPPABLE, Settings.STREAM_SHOPPABLE);
    m.put(StreamName.DEAD_LETTERS, Settings.STREAM_DEAD_LETTERS);
    return Collections.unmodifiableMap(m);
  }
}
