package io.cuepoint.jobs.config;

import java.time.Duration;
import java.util.List;

/**
 * Every configuration property of Cuepoint, in one place. The README's configuration table lists
 * each of these (a test keeps them in step).
 */
public final class Settings {
  private Settings() {}

  public static final Setting<Integer> PARALLELISM =
      Setting.integer("Job", "parallelism", "2", 1, 1024, "Parallelism of the job's operators.");

  public static final Setting<Duration> OUT_OF_ORDERNESS =
      Setting.duration(
          "Watermarks",
          "out-of-orderness",
          "5s",
          "How far out of event-time order an input record may arrive. Later records go to"
              + " dead-letters. Events of interest wait this long for stragglers.");
  public static final Setting<Duration> WATERMARK_INTERVAL =
      Setting.duration(
          "Watermarks",
          "interval",
          "5ms",
          "How often (processing time) each input sends its watermark downstream. Every watermark"
              + " reaches every downstream operator, so a shorter interval costs CPU; event time"
              + " downstream lags the records by up to this much. Lateness does not depend on it.");
  public static final Setting<Duration> IDLENESS =
      Setting.duration(
          "Watermarks",
          "idleness",
          "0",
          "An input silent this long (processing time) stops holding back event time; 0 turns"
              + " it off. Set it for live runs with quiet inputs; it makes replays depend on"
              + " timing.");

  public static final Setting<Duration> TIMELINE_WINDOW_SIZE =
      Setting.duration("Timeline", "window-size", "15s", "Length of a media-context window.");
  public static final Setting<Duration> TIMELINE_WINDOW_SLIDE =
      Setting.duration(
          "Timeline",
          "window-slide",
          "5s",
          "How often a media-context window starts; window-size must be a multiple of it.");
  public static final Setting<Double> TIMELINE_MIN_CONFIDENCE =
      Setting.decimal(
          "Timeline",
          "min-confidence",
          "50",
          0,
          100,
          "Items below this confidence (0-100) are left out of media-context.");
  public static final Setting<Duration> TIMELINE_IDLE_TIMEOUT =
      Setting.duration(
          "Timeline",
          "media-idle-timeout",
          "30min",
          "A media with no detections for this long (event time) has its timeline state cleared.");

  public static final Setting<Integer> GOAL_FLURRY_GOALS =
      Setting.integer(
          "EventsOfInterest",
          "goal-flurry.goals",
          "3",
          1,
          100,
          "Goals within goal-flurry.window that make a GOAL_FLURRY.");
  public static final Setting<Duration> GOAL_FLURRY_WINDOW =
      Setting.duration(
          "EventsOfInterest",
          "goal-flurry.window",
          "10min",
          "Trailing event-time window (inclusive) in which goals are counted.");
  public static final Setting<Integer> CLOSE_FINISH_MINUTE =
      Setting.integer(
          "EventsOfInterest",
          "close-finish.minute",
          "85",
          0,
          200,
          "From this match minute on, a level score raises CLOSE_FINISH (once per score).");
  public static final Setting<Duration> SOCIAL_SURGE_WINDOW =
      Setting.duration(
          "EventsOfInterest",
          "social-surge.window",
          "1min",
          "Recent window in which social posts are counted for SOCIAL_SURGE.");
  public static final Setting<Duration> SOCIAL_SURGE_BASELINE =
      Setting.duration(
          "EventsOfInterest",
          "social-surge.baseline",
          "10min",
          "Window before the recent one that gives the usual rate of posts.");
  public static final Setting<Double> SOCIAL_SURGE_FACTOR =
      Setting.decimal(
          "EventsOfInterest",
          "social-surge.factor",
          "3",
          1,
          1000,
          "The recent window must hold this many times the usual rate of posts.");
  public static final Setting<Integer> SOCIAL_SURGE_MIN_POSTS =
      Setting.integer(
          "EventsOfInterest",
          "social-surge.min-posts",
          "20",
          1,
          1_000_000,
          "And at least this many posts.");
  public static final Setting<Duration> SOCIAL_SURGE_COOLDOWN =
      Setting.duration(
          "EventsOfInterest",
          "social-surge.cooldown",
          "5min",
          "At most one SOCIAL_SURGE per media within this time.");
  public static final Setting<Duration> MATCH_IDLE_TIMEOUT =
      Setting.duration(
          "EventsOfInterest",
          "media-idle-timeout",
          "1h",
          "A media with no match events for this long (event time) has its match state cleared.");

  // Product overlays (IVS timed metadata).
  public static final Setting<String> OVERLAY_CATALOG =
      Setting.text(
          "Overlays",
          "catalog",
          "none",
          "Product catalog (JSON, like samples/soccer-final/products.json) that overlays show and"
              + " whose labels mean products; none: only PRODUCT items trigger, and they go to"
              + " dead-letters as unknown products.");
  public static final Setting<String> OVERLAY_ALLOWED_HOSTS =
      Setting.text(
          "Overlays",
          "allowed-hosts",
          "none",
          "Comma-separated hosts whose https URLs may go into a payload (image, link); other URLs"
              + " are left out, with a dead letter.");
  public static final Setting<Double> OVERLAY_MIN_CONFIDENCE =
      Setting.decimal(
          "Overlays",
          "min-confidence",
          "80",
          0,
          100,
          "Detection items below this confidence (0-100) do not put a product on screen.");
  public static final Setting<Integer> OVERLAY_MIN_FRAMES =
      Setting.integer(
          "Overlays",
          "min-frames",
          "1",
          1,
          100,
          "Consecutive frames (detection records of one media and source) that must name a"
              + " product before it is shown.");
  public static final Setting<Duration> OVERLAY_SHOW_DURATION =
      Setting.duration(
          "Overlays", "show-duration", "120s", "Event time from an overlay's SHOW to its CLEAR.");
  public static final Setting<Duration> OVERLAY_COOLDOWN =
      Setting.duration(
          "Overlays",
          "cooldown",
          "10min",
          "A channel does not show the same product again within this time of its last show.");
  public static final Setting<Duration> OVERLAY_RESEND_INTERVAL =
      Setting.duration(
          "Overlays",
          "resend-interval",
          "10s",
          "While an overlay is up it is re-sent this often for viewers who join late; 0 turns it"
              + " off.");
  public static final Setting<Duration> OVERLAY_IDLE_TIMEOUT =
      Setting.duration(
          "Overlays",
          "media-idle-timeout",
          "1h",
          "A media or channel with no product frames for this long (event time) has its overlay"
              + " state cleared; at least show-duration and cooldown.");
  public static final Setting<String> OVERLAY_PRODUCT_CUES =
      Setting.text(
          "Overlays",
          "product-cues",
          "none",
          "SRT files of product cues ({\"productId\": ...}) for pre-recorded media, as"
              + " comma-separated MEDIA_ID=FILE@START (START: the stream's start, ISO-8601 UTC);"
              + " each cue becomes a PRODUCT detection at its start.");
  public static final Setting<Boolean> IVS_ENABLED =
      Setting.bool(
          "Overlays",
          "ivs.enabled",
          "false",
          "Send overlays to IVS (PutMetadata). Off: every decision is written with status DRY_RUN"
              + " and nothing is sent.");
  public static final Setting<String> IVS_ENDPOINT =
      Setting.text(
          "Overlays",
          "ivs.endpoint",
          "none",
          "IVS endpoint override (a VPC endpoint or a local test server); none: the AWS endpoint.");
  public static final Setting<String> IVS_REGION =
      Setting.text(
          "Overlays",
          "ivs.region",
          "none",
          "Region of every IVS call; none: the region in each channel's ARN.");
  public static final Setting<Integer> IVS_CHANNEL_RATE =
      Setting.integer(
          "Overlays",
          "ivs.channel-calls-per-second",
          "5",
          1,
          5,
          "PutMetadata calls any one channel gets in any one second at most (IVS allows 5).");
  public static final Setting<Integer> IVS_ACCOUNT_RATE =
      Setting.integer(
          "Overlays",
          "ivs.account-calls-per-second",
          "155",
          1,
          100_000,
          "PutMetadata calls of the whole job in any one second at most, split evenly between the"
              + " sender's parallel subtasks; at least Job.parallelism.");
  public static final Setting<Duration> IVS_RETRY_BUDGET =
      Setting.duration(
          "Overlays",
          "ivs.retry-budget",
          "10s",
          "Throttled and 5xx calls are retried (exponential backoff, full jitter) until this long"
              + " after the first attempt, then recorded as THROTTLED or FAILED.");
  public static final Setting<Duration> IVS_INITIAL_BACKOFF =
      Setting.duration(
          "Overlays",
          "ivs.initial-backoff",
          "200ms",
          "Upper bound of the first retry's random delay; it doubles with every retry.");
  public static final Setting<Duration> IVS_CALL_TIMEOUT =
      Setting.duration(
          "Overlays", "ivs.call-timeout", "5s", "Time one PutMetadata attempt may take.");
  public static final Setting<Duration> IVS_DECISION_TIMEOUT =
      Setting.duration(
          "Overlays",
          "ivs.decision-timeout",
          "2min",
          "Time a decision may wait for its outcome in all (queue, calls, retries); then it is"
              + " FAILED and the job goes on. More than ivs.retry-budget + ivs.call-timeout.");
  public static final Setting<Integer> IVS_CAPACITY =
      Setting.integer(
          "Overlays",
          "ivs.capacity",
          "1000",
          1,
          100_000,
          "Decisions waiting for their outcome per sender subtask before it holds back its input.");

  // Viewer engagement: decisions per viewer, ranked by Personalize or the local ranker.
  public static final Setting<String> VIEWER_WIDGETS =
      Setting.text(
          "Viewers",
          "widgets",
          "none",
          "Widget catalog (JSON, like samples/soccer-final/widgets.json) with each widget's rules;"
              + " none: no widgets are offered (only discounts, with a product catalog).");
  public static final Setting<String> VIEWER_PRODUCTS =
      Setting.text(
          "Viewers",
          "products",
          "none",
          "Product catalog (JSON) whose related products are offered at a discount while a"
              + " product is on screen; none: no offers.");
  public static final Setting<String> VIEWER_INTERACTIONS =
      Setting.text(
          "Viewers",
          "interactions",
          "none",
          "Interactions history (CSV as Personalize imports it) the local ranker learns from when"
              + " the job is built; none: the local ranker keeps the catalog order.");
  public static final Setting<Duration> VIEWER_DECISION_INTERVAL =
      Setting.duration(
          "Viewers",
          "decision-interval",
          "60s",
          "A change of on-screen products makes at most one decision per viewer this often"
              + " (joins and events of interest always do).");
  public static final Setting<Duration> VIEWER_IDLE_TIMEOUT =
      Setting.duration(
          "Viewers",
          "idle-timeout",
          "5min",
          "A viewer with no event for this long (event time) is taken as gone and their state is"
              + " cleared.");
  public static final Setting<Duration> VIEWER_MEDIA_IDLE_TIMEOUT =
      Setting.duration(
          "Viewers",
          "media-idle-timeout",
          "1h",
          "A media with no match update or timeline window for this long has its live context"
              + " cleared.");
  public static final Setting<Double> VIEWER_DISCOUNT =
      Setting.decimal(
          "Viewers", "discount", "20", 0.1, 100, "Discount offered on related products, percent.");
  public static final Setting<String> VIEWER_MEDIA_ATTRIBUTES =
      Setting.text(
          "Viewers",
          "media-attributes",
          "none",
          "Ranking context per media, as MEDIA_ID:KEY=VALUE,KEY=VALUE;MEDIA_ID:... (e.g."
              + " final-2026:MATCH_TYPE=FINAL,VENUE=Lakeside Arena).");
  public static final Setting<String> PERSONALIZE_WIDGET_CAMPAIGN =
      Setting.text(
          "Personalize",
          "widget-campaign-arn",
          "none",
          "Campaign that ranks widgets (GetPersonalizedRanking with context); none: the local"
              + " ranker decides and no AWS client is created.");
  public static final Setting<String> PERSONALIZE_OFFER_CAMPAIGN =
      Setting.text(
          "Personalize",
          "offer-campaign-arn",
          "none",
          "Campaign that ranks related products with and without the discount; none: the local"
              + " ranker ranks them.");
  public static final Setting<String> PERSONALIZE_REGION =
      Setting.text("Personalize", "region", "us-east-1", "Region of the Personalize calls.");
  public static final Setting<String> PERSONALIZE_ENDPOINT =
      Setting.text(
          "Personalize",
          "endpoint",
          "none",
          "Endpoint override of both Personalize clients (a VPC endpoint or a test server).");
  public static final Setting<String> PERSONALIZE_TRACKING_ID =
      Setting.text(
          "Personalize",
          "tracking-id",
          "none",
          "Event tracker that receives viewer interactions with their context (PutEvents,"
              + " batched); none: nothing is sent.");
  public static final Setting<Double> PERSONALIZE_TPS =
      Setting.decimal(
          "Personalize",
          "calls-per-second",
          "50",
          0.1,
          100_000,
          "Ranking calls per second for the whole job, split between the ranking subtasks;"
              + " decisions beyond it come from the cache or the local ranker.");
  public static final Setting<Duration> PERSONALIZE_CACHE_TTL =
      Setting.duration(
          "Personalize",
          "cache-ttl",
          "10s",
          "How long a ranking serves viewers of the same segment and context beyond the call"
              + " budget; 0 turns the cache off.");
  public static final Setting<Duration> PERSONALIZE_RETRY_BUDGET =
      Setting.duration(
          "Personalize",
          "retry-budget",
          "1s",
          "Throttled, 5xx and timed-out calls are retried (exponential backoff, full jitter) until"
              + " this long after the first attempt; then the local ranker decides.");
  public static final Setting<Duration> PERSONALIZE_CALL_TIMEOUT =
      Setting.duration(
          "Personalize", "call-timeout", "500ms", "Time one ranking call may take.");
  public static final Setting<Integer> PERSONALIZE_CAPACITY =
      Setting.integer(
          "Personalize",
          "capacity",
          "1000",
          1,
          100_000,
          "Decisions waiting for their ranking per subtask before it holds back its input.");
  public static final Setting<Integer> PERSONALIZE_CALLS_IN_FLIGHT =
      Setting.integer(
          "Personalize",
          "calls-in-flight",
          "128",
          1,
          100_000,
          "Ranking calls in flight per subtask (and its connections); more wait for one to end"
              + " before their call timeout starts.");

  // Live runs (`run`, `record`): AWS access, Kinesis streams, the timeline table, checkpoints.
  public static final Setting<String> AWS_REGION =
      Setting.checkedText(
          "Aws",
          "region",
          "auto",
          "Region of stream names and of the timeline table; auto: AWS_REGION, else the region of"
              + " the first stream ARN. A stream ARN is always read in its own region.",
          LiveValues::region);
  public static final Setting<String> AWS_ACCOUNT_ID =
      Setting.checkedText(
          "Aws",
          "account-id",
          "none",
          "Account that turns a stream name in Streams into its ARN; none: Streams take ARNs.",
          LiveValues::account);
  public static final Setting<String> AWS_CREDENTIALS =
      Setting.choice(
          "Aws",
          "credentials",
          "default",
          List.of("default", "emulator"),
          "default: the AWS SDK's default chain (Managed Flink's service role, environment,"
              + " profile, container or instance role). emulator: fixed fake keys, for local"
              + " emulators only; needs Kinesis.endpoint.");
  public static final Setting<String> KINESIS_ENDPOINT =
      Setting.checkedText(
          "Kinesis",
          "endpoint",
          "none",
          "Kinesis endpoint override (an emulator, a VPC endpoint); none: the AWS endpoint of"
              + " each stream's region.",
          LiveValues::endpoint);
  public static final Setting<String> KINESIS_START_POSITION =
      Setting.choice(
          "Kinesis",
          "start-position",
          "latest",
          List.of("latest", "trim-horizon", "at-timestamp"),
          "Where a job that does not restore a checkpoint or savepoint starts reading each input"
              + " stream; restored jobs go on where they were.");
  public static final Setting<String> KINESIS_START_TIMESTAMP =
      Setting.checkedText(
          "Kinesis",
          "start-timestamp",
          "none",
          "With start-position at-timestamp: the arrival time to start at, ISO-8601 UTC"
              + " (2026-05-30T19:00:00Z).",
          LiveValues::instant);
  public static final Setting<String> KINESIS_READER =
      Setting.choice(
          "Kinesis",
          "reader",
          "polling",
          List.of("polling", "efo"),
          "polling: KinesisStreamsSource (GetRecords; read throughput shared with other"
              + " consumers). efo: enhanced fan-out (a consumer registered per stream with its own"
              + " throughput, records pushed over HTTP/2). Switching needs a fresh start or"
              + " --allowNonRestoredState.");
  public static final Setting<String> KINESIS_EFO_CONSUMER =
      Setting.checkedText(
          "Kinesis",
          "efo.consumer-name",
          "cuepoint",
          "Name of the enhanced fan-out consumer registered on each input stream.",
          LiveValues::consumerName);
  public static final Setting<Duration> KINESIS_SHARD_DISCOVERY =
      Setting.duration(
          "Kinesis",
          "shard-discovery-interval",
          "10s",
          "How often the input streams are checked for new shards (after a reshard).");
  public static final Setting<Integer> KINESIS_SINK_BATCH =
      Setting.integer(
          "Kinesis",
          "sink.max-batch-size",
          "500",
          1,
          500,
          "Records per PutRecords call of the output streams (Kinesis allows 500).");
  public static final Setting<Integer> KINESIS_SINK_IN_FLIGHT =
      Setting.integer(
          "Kinesis",
          "sink.max-in-flight-requests",
          "50",
          1,
          10_000,
          "PutRecords calls under way per sink subtask before it waits.");
  public static final Setting<Integer> KINESIS_SINK_BUFFERED =
      Setting.integer(
          "Kinesis",
          "sink.max-buffered-requests",
          "10000",
          1,
          1_000_000,
          "Records buffered per sink subtask before it holds back the job (backpressure); more"
              + " than sink.max-batch-size.");
  public static final Setting<Duration> KINESIS_SINK_MAX_TIME =
      Setting.duration(
          "Kinesis",
          "sink.max-time-in-buffer",
          "5s",
          "A record waits at most this long for its batch to fill; also flushed at every"
              + " checkpoint.");

  public static final Setting<String> STREAM_SEGMENTS = stream("segments", true);
  public static final Setting<String> STREAM_DETECTIONS = stream("detections", true);
  public static final Setting<String> STREAM_MATCH_EVENTS = stream("match-events", true);
  public static final Setting<String> STREAM_VIEWER_EVENTS = stream("viewer-events", true);
  public static final Setting<String> STREAM_MEDIA_CONTEXT = stream("media-context", false);
  public static final Setting<String> STREAM_EVENTS_OF_INTEREST = stream("events-of-interest", false);
  public static final Setting<String> STREAM_OVERLAYS = stream("overlays", false);
  public static final Setting<String> STREAM_VIEWER_ACTIONS = stream("viewer-actions", false);
  public static final Setting<String> STREAM_SHOPPABLE = stream("shoppable", false);
  public static final Setting<String> STREAM_DEAD_LETTERS =
      Setting.checkedText(
          "Streams",
          "dead-letters",
          "none",
          "Kinesis stream (ARN, or name with Aws.account-id) the dead-letters output is written"
              + " to; required by run.",
          LiveValues::stream);

  public static final Setting<String> TIMELINE_TABLE =
      Setting.checkedText(
          "TimelineTable",
          "name",
          "none",
          "DynamoDB table that media-context is also written to (partition key mediaId, string;"
              + " sort key positionMs, number); none: not written.",
          LiveValues::table);
  public static final Setting<String> TIMELINE_TABLE_ENDPOINT =
      Setting.checkedText(
          "TimelineTable",
          "endpoint",
          "none",
          "DynamoDB endpoint override (an emulator, a VPC endpoint); none: the AWS endpoint of"
              + " Aws.region.",
          LiveValues::endpoint);
  public static final Setting<Duration> TIMELINE_TABLE_TTL =
      Setting.duration(
          "TimelineTable",
          "time-to-live",
          "0",
          "Items get an expiresAt attribute (epoch seconds) this long after their window's end,"
              + " for the table's TTL; 0: no expiresAt.");
  public static final Setting<Integer> TIMELINE_TABLE_BATCH =
      Setting.integer(
          "TimelineTable",
          "max-batch-size",
          "25",
          1,
          25,
          "Items per BatchWriteItem call (DynamoDB allows 25).");

  public static final Setting<Duration> CHECKPOINT_INTERVAL =
      Setting.duration(
          "Checkpoints",
          "interval",
          "1min",
          "Time between checkpoints of a live run; outputs are flushed at each. On Managed Flink"
              + " the application's checkpoint configuration wins.");
  public static final Setting<String> CHECKPOINT_MODE =
      Setting.choice(
          "Checkpoints",
          "mode",
          "exactly-once",
          List.of("exactly-once", "at-least-once"),
          "Consistency of the job's state across a failure (the Kinesis and DynamoDB sinks are"
              + " at-least-once either way).");
  public static final Setting<Duration> CHECKPOINT_MIN_PAUSE =
      Setting.duration(
          "Checkpoints", "min-pause", "5s", "Least time from one checkpoint's end to the next start.");
  public static final Setting<Duration> CHECKPOINT_TIMEOUT =
      Setting.duration(
          "Checkpoints", "timeout", "10min", "A checkpoint that takes longer is abandoned.");
  public static final Setting<String> STATE_BACKEND =
      Setting.choice(
          "Checkpoints",
          "state-backend",
          "hashmap",
          List.of("hashmap", "rocksdb"),
          "Where keyed state lives: hashmap (on the heap) or rocksdb (on local disk, incremental"
              + " checkpoints, for state larger than memory). Managed Flink always uses RocksDB.");

  // Fetching playlists and segments (hls-to-kinesis, frame extraction): the guard against
  // server-side request forgery.
  public static final Setting<String> FETCH_ALLOWED_SCHEMES =
      Setting.checkedText(
          "Fetch",
          "allowed-schemes",
          "https",
          "Comma-separated URL schemes playlists and segments may be fetched with (http, https).",
          FetchConfig::schemes);
  public static final Setting<String> FETCH_ALLOWED_HOSTS =
      Setting.checkedText(
          "Fetch",
          "allowed-hosts",
          "none",
          "Comma-separated hosts playlists and segments may come from, exact or *.suffix (any name"
              + " under suffix); redirects elsewhere are refused. none: any host whose addresses"
              + " are all public.",
          FetchConfig::hosts);
  public static final Setting<Boolean> FETCH_ALLOW_PRIVATE =
      Setting.bool(
          "Fetch",
          "allow-private-addresses",
          "false",
          "Let fetched hosts resolve to loopback, private, link-local (169.254.169.254, the"
              + " instance metadata), multicast or unspecified addresses. Only for tests and"
              + " deliberate in-network sources.");
  public static final Setting<Integer> FETCH_MAX_BODY_BYTES =
      Setting.integer(
          "Fetch",
          "max-body-bytes",
          "67108864",
          1,
          Integer.MAX_VALUE,
          "Largest playlist or segment fetched, in bytes; a larger body (announced, or counted"
              + " while it streams in) is refused and the connection dropped.");
  public static final Setting<Duration> FETCH_CONNECT_TIMEOUT =
      Setting.duration("Fetch", "connect-timeout", "2s", "Time a connection to a fetched host may take.");
  public static final Setting<Duration> FETCH_REQUEST_TIMEOUT =
      Setting.duration(
          "Fetch",
          "request-timeout",
          "10s",
          "Time one request (each redirect hop) may take from sending to the body's last byte.");
  public static final Setting<Integer> FETCH_MAX_REDIRECTS =
      Setting.integer(
          "Fetch",
          "max-redirects",
          "3",
          0,
          10,
          "Redirects followed per fetch, each checked like the first URL; one more is refused.");
  public static final Setting<Integer> HLS_MAX_VARIANT_HEIGHT =
      Setting.integer(
          "Hls",
          "max-variant-height",
          "1080",
          1,
          100_000,
          "From a master playlist, the variant with the highest bandwidth no taller than this"
              + " (lines) is followed; when every variant is taller, the shortest.");
  public static final Setting<Duration> HLS_GIVE_UP_AFTER =
      Setting.duration(
          "Hls",
          "give-up-after",
          "1min",
          "A playlist that keeps failing with passing errors (timeouts, 5xx) for this long stops"
              + " hls-to-kinesis; refusals and malformed playlists stop it at once.");
  public static final Setting<Duration> HLS_PUBLISH_RETRY_BUDGET =
      Setting.duration(
          "Hls",
          "publish-retry-budget",
          "30s",
          "hls-to-kinesis retries segments Kinesis refused or throttled (backoff with full"
              + " jitter) until this long after their first attempt.");
  // Frames: sampled from HLS segments in-process, near-duplicates skipped before detection.
  public static final Setting<Duration> FRAMES_INTERVAL =
      Setting.duration(
          "Frames",
          "interval",
          "4s",
          "Frames are sampled on a grid of stream positions this far apart (the first frame at or"
              + " after each multiple), across segment boundaries.");
  public static final Setting<Integer> FRAMES_MAX_WIDTH =
      Setting.integer(
          "Frames",
          "max-width",
          "1280",
          16,
          8192,
          "Frames wider than this (pixels) are scaled down to it, keeping their aspect ratio.");
  public static final Setting<Double> FRAMES_JPEG_QUALITY =
      Setting.decimal(
          "Frames",
          "jpeg-quality",
          "0.85",
          0.1,
          1,
          "JPEG quality (0.1-1) of the frames sent to the detectors; lowered in steps for a frame"
              + " that would not fit max-jpeg-bytes.");
  public static final Setting<Integer> FRAMES_MAX_JPEG_BYTES =
      Setting.integer(
          "Frames",
          "max-jpeg-bytes",
          "5242880",
          1024,
          5_242_880,
          "Largest JPEG a frame may become (Rekognition takes images of up to 5 MB as bytes); a"
              + " frame that does not fit even at the lowest quality fails its segment.");
  public static final Setting<Integer> FRAMES_HAMMING_THRESHOLD =
      Setting.integer(
          "Frames",
          "hamming-threshold",
          "10",
          0,
          64,
          "A frame whose 64-bit dHash differs from the last analysed frame's in at most this many"
              + " bits is not sent to the detectors and inherits that frame's detections; 0 skips"
              + " only identical hashes.");
  public static final Setting<Duration> FRAMES_MAX_GAP =
      Setting.duration(
          "Frames",
          "max-gap",
          "30s",
          "A frame this far (stream position) after the last analysed frame is analysed even if it"
              + " looks the same.");
  public static final Setting<Integer> FRAMES_DECODE_THREADS =
      Setting.integer(
          "Frames",
          "decode-threads",
          "1",
          1,
          64,
          "Threads per decoder subtask that decode segments (CPU work, never on the task thread).");
  public static final Setting<Integer> FRAMES_CAPACITY =
      Setting.integer(
          "Frames",
          "capacity",
          "4",
          1,
          1_000,
          "Segments being fetched or decoded per decoder subtask before it holds back its input"
              + " (each holds its bytes in memory).");
  public static final Setting<Duration> FRAMES_SEGMENT_TIMEOUT =
      Setting.duration(
          "Frames",
          "segment-timeout",
          "60s",
          "Time a segment may take to be fetched and decoded, waiting included; then it goes to"
              + " dead-letters and the job goes on.");
  public static final Setting<Duration> FRAMES_CARRY_FORWARD_WAIT =
      Setting.duration(
          "Frames",
          "carry-forward-wait",
          "10s",
          "Event time a skipped frame waits for the detections of the frame it inherits from;"
              + " then it is given up (counted in carryForwardsGivenUp).");
  // Shoppable video, the AWS services and the in-job matching: which embedder and index the
  // job matches frames with, how hard it may call them, and which boxes it crops.
  public static final Setting<String> SHOPPABLE_EMBEDDER =
      Setting.choice(
          "Shoppable",
          "embedder",
          "local",
          List.of("local", "bedrock"),
          "Image embeddings for visual product matching: local (in-process, no model download)"
              + " or bedrock (Titan Multimodal Embeddings through Bedrock InvokeModel).");
  public static final Setting<String> SHOPPABLE_BEDROCK_MODEL =
      Setting.text(
          "Shoppable",
          "bedrock-model",
          "amazon.titan-embed-image-v1",
          "Bedrock model id of the image embeddings (request inputImage + embeddingConfig,"
              + " answer embedding, as Titan Multimodal Embeddings G1).");
  public static final Setting<String> SHOPPABLE_BEDROCK_DIMENSIONS =
      Setting.choice(
          "Shoppable",
          "bedrock-dimensions",
          "256",
          List.of("256", "384", "1024"),
          "Length of the Bedrock embeddings (outputEmbeddingLength); the index must be built with"
              + " the same.");
  public static final Setting<Double> SHOPPABLE_BEDROCK_TPS =
      Setting.decimal(
          "Shoppable",
          "bedrock-tps",
          "10",
          0.1,
          100_000,
          "InvokeModel calls per second for the whole job, split between the matching subtasks;"
              + " calls beyond it wait for their turn (without blocking) within the retry budget.");
  public static final Setting<String> SHOPPABLE_BEDROCK_ENDPOINT =
      Setting.checkedText(
          "Shoppable",
          "bedrock-endpoint",
          "none",
          "Bedrock runtime endpoint override (a VPC endpoint or a test server); none: the AWS"
              + " endpoint of Shoppable.region.",
          LiveValues::endpoint);
  public static final Setting<String> SHOPPABLE_REGION =
      Setting.text(
          "Shoppable",
          "region",
          "us-east-1",
          "Region of the Bedrock calls and of the OpenSearch request signatures.");
  public static final Setting<String> SHOPPABLE_OPENSEARCH_ENDPOINT =
      Setting.checkedText(
          "Shoppable",
          "opensearch-endpoint",
          "none",
          "OpenSearch cluster, Amazon OpenSearch Service domain or Serverless collection holding"
              + " the product vectors (k-NN); none: the local index file.",
          LiveValues::endpoint);
  public static final Setting<String> SHOPPABLE_OPENSEARCH_INDEX =
      Setting.text(
          "Shoppable",
          "opensearch-index",
          "cuepoint-products",
          "OpenSearch index of the product vectors; index-catalog creates it when missing.");
  public static final Setting<String> SHOPPABLE_OPENSEARCH_SIGNING =
      Setting.choice(
          "Shoppable",
          "opensearch-signing",
          "none",
          List.of("none", "es", "aoss"),
          "How OpenSearch requests are authenticated: none (a self-managed cluster), es (SigV4 for"
              + " an Amazon OpenSearch Service domain) or aoss (SigV4 for OpenSearch Serverless),"
              + " with the default AWS credentials.");
  public static final Setting<Double> SHOPPABLE_OPENSEARCH_TPS =
      Setting.decimal(
          "Shoppable",
          "opensearch-tps",
          "50",
          0.1,
          100_000,
          "OpenSearch requests per second for the whole job, split between the matching"
              + " subtasks.");
  public static final Setting<Duration> SHOPPABLE_RETRY_BUDGET =
      Setting.duration(
          "Shoppable",
          "retry-budget",
          "2s",
          "Throttled (429), 5xx and timed-out Bedrock and OpenSearch calls are retried"
              + " (exponential backoff, full jitter) until this long after the first attempt; then"
              + " the crop goes unmatched and a fallback is counted.");
  public static final Setting<Duration> SHOPPABLE_CALL_TIMEOUT =
      Setting.duration(
          "Shoppable", "call-timeout", "2s", "Time one Bedrock or OpenSearch attempt may take.");
  public static final Setting<String> SHOPPABLE_PRODUCT_LABELS =
      Setting.text(
          "Shoppable",
          "product-labels",
          "none",
          "Comma-separated labels (any case) whose boxes may be products and are matched; none:"
              + " every labelled box.");
  public static final Setting<Integer> SHOPPABLE_MAX_CROPS =
      Setting.integer(
          "Shoppable",
          "max-crops",
          "5",
          1,
          100,
          "Boxes matched per frame at most, the most confident first.");
  public static final Setting<Integer> SHOPPABLE_CROP_THREADS =
      Setting.integer(
          "Shoppable",
          "crop-threads",
          "2",
          1,
          64,
          "Threads per matching subtask that decode frames and cut out their boxes.");
  public static final Setting<Integer> SHOPPABLE_CAPACITY =
      Setting.integer(
          "Shoppable",
          "capacity",
          "100",
          1,
          100_000,
          "Frames being matched per subtask before it holds back its input.");
  public static final Setting<Duration> SHOPPABLE_GAP_TOLERANCE =
      Setting.duration(
          "Shoppable",
          "gap-tolerance",
          "10s",
          "Sightings of a product at most this far apart (stream position) make one shoppable"
              + " span; a span ends when event time passes its last sighting by this much. Above"
              + " the 4 s frame interval, so one missed frame does not split a span.");
  public static final Setting<Double> SHOPPABLE_MIN_SIMILARITY =
      Setting.decimal(
          "Shoppable",
          "min-similarity",
          "0.78",
          -1,
          1,
          "Cosine similarity from which a frame crop's nearest catalog image counts as that"
              + " product. The default suits the local embedder; another model needs its own.");
  public static final Setting<String> SHOPPABLE_INDEX_KIND =
      Setting.choice(
          "Shoppable",
          "index-kind",
          "local",
          List.of("local", "opensearch"),
          "Where index-catalog stores the catalog's image vectors and the job looks them up:"
              + " local (the file Shoppable.index-file) or opensearch (the k-NN index"
              + " Shoppable.opensearch-index at Shoppable.opensearch-endpoint).");
  public static final Setting<String> SHOPPABLE_INDEX_FILE =
      Setting.text(
          "Shoppable",
          "index-file",
          "shoppable-index.cpvi",
          "The local index file that index-catalog writes and the job loads.");

  private static Setting<String> stream(String stream, boolean input) {
    return Setting.checkedText(
        "Streams",
        stream,
        "none",
        input
            ? "Kinesis stream (ARN, or name with Aws.account-id) the " + stream + " input is read"
                + " from; none: not read."
            : "Kinesis stream (ARN, or name with Aws.account-id) the " + stream + " output is"
                + " written to; none: not written.",
        LiveValues::stream);
  }

  // Rekognition on the frames taken from the video (off: detections come from the recording).
  public static final Setting<Boolean> REKOGNITION_ENABLED =
      Setting.bool(
          "Rekognition",
          "enabled",
          "false",
          "Look at analysed video frames with Rekognition. Off: no client is made and detections"
              + " come from the detections input (already detected) only.");
  public static final Setting<Boolean> REKOGNITION_LABELS =
      Setting.bool(
          "Rekognition", "detect-labels", "true", "Call DetectLabels on each analysed frame.");
  public static final Setting<Boolean> REKOGNITION_CELEBRITIES =
      Setting.bool(
          "Rekognition",
          "recognize-celebrities",
          "true",
          "Call RecognizeCelebrities on each analysed frame.");
  public static final Setting<Boolean> REKOGNITION_CUSTOM_LABELS =
      Setting.bool(
          "Rekognition",
          "detect-custom-labels",
          "false",
          "Call DetectCustomLabels on each analysed frame; needs"
              + " custom-labels.project-version-arn.");
  public static final Setting<String> REKOGNITION_PROJECT_VERSION =
      Setting.text(
          "Rekognition",
          "custom-labels.project-version-arn",
          "none",
          "ARN of the running Custom Labels model version DetectCustomLabels uses.");
  public static final Setting<Double> REKOGNITION_MIN_CONFIDENCE =
      Setting.decimal(
          "Rekognition",
          "min-confidence",
          "55",
          0,
          100,
          "Labels, celebrities and custom labels below this confidence (0-100) are not kept.");
  public static final Setting<Integer> REKOGNITION_MAX_LABELS =
      Setting.integer(
          "Rekognition",
          "max-labels",
          "20",
          1,
          1000,
          "Most labels (DetectLabels) and custom labels (DetectCustomLabels) per frame.");
  public static final Setting<Double> REKOGNITION_LABELS_TPS =
      Setting.decimal(
          "Rekognition",
          "labels.calls-per-second",
          "5",
          0.01,
          10_000,
          "DetectLabels calls per second of the whole job (retries included), split between the"
              + " detector's subtasks. 5 is the smallest regional default quota.");
  public static final Setting<Double> REKOGNITION_CELEBRITIES_TPS =
      Setting.decimal(
          "Rekognition",
          "celebrities.calls-per-second",
          "5",
          0.01,
          10_000,
          "RecognizeCelebrities calls per second of the whole job, split between the subtasks.");
  public static final Setting<Double> REKOGNITION_CUSTOM_LABELS_TPS =
      Setting.decimal(
          "Rekognition",
          "custom-labels.calls-per-second",
          "5",
          0.01,
          10_000,
          "DetectCustomLabels calls per second of the whole job, split between the subtasks; what"
              + " the model's inference units sustain.");
  public static final Setting<Duration> REKOGNITION_CALL_TIMEOUT =
      Setting.duration("Rekognition", "call-timeout", "3s", "Time one Rekognition call may take.");
  public static final Setting<Duration> REKOGNITION_RETRY_BUDGET =
      Setting.duration(
          "Rekognition",
          "retry-budget",
          "10s",
          "Throttled, 5xx and timed-out calls are retried (exponential backoff, full jitter) until"
              + " this long after a frame's first attempt; then the frame is a dead letter.");
  public static final Setting<Duration> REKOGNITION_INITIAL_BACKOFF =
      Setting.duration(
          "Rekognition",
          "initial-backoff",
          "100ms",
          "Upper bound of the first retry's random delay; it doubles with every retry.");
  public static final Setting<Duration> REKOGNITION_FRAME_TIMEOUT =
      Setting.duration(
          "Rekognition",
          "frame-timeout",
          "1min",
          "Time a frame may take in all (waiting for its turn, calls, retries); then it is a dead"
              + " letter and the job goes on. More than retry-budget + call-timeout.");
  public static final Setting<Integer> REKOGNITION_CAPACITY =
      Setting.integer(
          "Rekognition",
          "capacity",
          "100",
          1,
          100_000,
          "Frames in flight per detector subtask before it holds back frame extraction.");
  public static final Setting<Double> REKOGNITION_LABELS_PRICE =
      Setting.decimal(
          "Rekognition",
          "labels.price-per-image",
          "0.001",
          0,
          1,
          "USD per image analysed by DetectLabels, for the estimatedCostUsd metric.");
  public static final Setting<Double> REKOGNITION_CELEBRITIES_PRICE =
      Setting.decimal(
          "Rekognition",
          "celebrities.price-per-image",
          "0.001",
          0,
          1,
          "USD per image analysed by RecognizeCelebrities, for the estimatedCostUsd metric.");
  public static final Setting<Double> REKOGNITION_CUSTOM_LABELS_PRICE =
      Setting.decimal(
          "Rekognition",
          "custom-labels.price-per-image",
          "0",
          0,
          1,
          "USD per image analysed by DetectCustomLabels, for the estimatedCostUsd metric (Custom"
              + " Labels bill inference-unit hours, so 0 leaves them out).");
  public static final Setting<String> REKOGNITION_REGION =
      Setting.text("Rekognition", "region", "us-east-1", "Region of the Rekognition calls.");
  public static final Setting<String> REKOGNITION_ENDPOINT =
      Setting.checkedText(
          "Rekognition",
          "endpoint",
          "none",
          "Rekognition endpoint override (a VPC endpoint or a test server); none: the AWS"
              + " endpoint of Rekognition.region.",
          LiveValues::endpoint);

  public static final List<Setting<?>> ALL =
      List.of(
          PARALLELISM,
          OUT_OF_ORDERNESS,
          WATERMARK_INTERVAL,
          IDLENESS,
          TIMELINE_WINDOW_SIZE,
          TIMELINE_WINDOW_SLIDE,
          TIMELINE_MIN_CONFIDENCE,
          TIMELINE_IDLE_TIMEOUT,
          GOAL_FLURRY_GOALS,
          GOAL_FLURRY_WINDOW,
          CLOSE_FINISH_MINUTE,
          SOCIAL_SURGE_WINDOW,
          SOCIAL_SURGE_BASELINE,
          SOCIAL_SURGE_FACTOR,
          SOCIAL_SURGE_MIN_POSTS,
          SOCIAL_SURGE_COOLDOWN,
          MATCH_IDLE_TIMEOUT,
          OVERLAY_CATALOG,
          OVERLAY_ALLOWED_HOSTS,
          OVERLAY_MIN_CONFIDENCE,
          OVERLAY_MIN_FRAMES,
          OVERLAY_SHOW_DURATION,
          OVERLAY_COOLDOWN,
          OVERLAY_RESEND_INTERVAL,
          OVERLAY_IDLE_TIMEOUT,
          OVERLAY_PRODUCT_CUES,
          IVS_ENABLED,
          IVS_ENDPOINT,
          IVS_REGION,
          IVS_CHANNEL_RATE,
          IVS_ACCOUNT_RATE,
          IVS_RETRY_BUDGET,
          IVS_INITIAL_BACKOFF,
          IVS_CALL_TIMEOUT,
          IVS_DECISION_TIMEOUT,
          IVS_CAPACITY,
          VIEWER_WIDGETS,
          VIEWER_PRODUCTS,
          VIEWER_INTERACTIONS,
          VIEWER_DECISION_INTERVAL,
          VIEWER_IDLE_TIMEOUT,
          VIEWER_MEDIA_IDLE_TIMEOUT,
          VIEWER_DISCOUNT,
          VIEWER_MEDIA_ATTRIBUTES,
          PERSONALIZE_WIDGET_CAMPAIGN,
          PERSONALIZE_OFFER_CAMPAIGN,
          PERSONALIZE_REGION,
          PERSONALIZE_ENDPOINT,
          PERSONALIZE_TRACKING_ID,
          PERSONALIZE_TPS,
          PERSONALIZE_CACHE_TTL,
          PERSONALIZE_RETRY_BUDGET,
          PERSONALIZE_CALL_TIMEOUT,
          PERSONALIZE_CAPACITY,
          PERSONALIZE_CALLS_IN_FLIGHT,
          AWS_REGION,
          AWS_ACCOUNT_ID,
          AWS_CREDENTIALS,
          KINESIS_ENDPOINT,
          KINESIS_START_POSITION,
          KINESIS_START_TIMESTAMP,
          KINESIS_READER,
          KINESIS_EFO_CONSUMER,
          KINESIS_SHARD_DISCOVERY,
          KINESIS_SINK_BATCH,
          KINESIS_SINK_IN_FLIGHT,
          KINESIS_SINK_BUFFERED,
          KINESIS_SINK_MAX_TIME,
          STREAM_SEGMENTS,
          STREAM_DETECTIONS,
          STREAM_MATCH_EVENTS,
          STREAM_VIEWER_EVENTS,
          STREAM_MEDIA_CONTEXT,
          STREAM_EVENTS_OF_INTEREST,
          STREAM_OVERLAYS,
          STREAM_VIEWER_ACTIONS,
          STREAM_SHOPPABLE,
          STREAM_DEAD_LETTERS,
          TIMELINE_TABLE,
          TIMELINE_TABLE_ENDPOINT,
          TIMELINE_TABLE_TTL,
          TIMELINE_TABLE_BATCH,
          CHECKPOINT_INTERVAL,
          CHECKPOINT_MODE,
          CHECKPOINT_MIN_PAUSE,
          CHECKPOINT_TIMEOUT,
          STATE_BACKEND,
          FETCH_ALLOWED_SCHEMES,
          FETCH_ALLOWED_HOSTS,
          FETCH_ALLOW_PRIVATE,
          FETCH_MAX_BODY_BYTES,
          FETCH_CONNECT_TIMEOUT,
          FETCH_REQUEST_TIMEOUT,
          FETCH_MAX_REDIRECTS,
          HLS_MAX_VARIANT_HEIGHT,
          HLS_GIVE_UP_AFTER,
          HLS_PUBLISH_RETRY_BUDGET,
          FRAMES_INTERVAL,
          FRAMES_MAX_WIDTH,
          FRAMES_JPEG_QUALITY,
          FRAMES_MAX_JPEG_BYTES,
          FRAMES_HAMMING_THRESHOLD,
          FRAMES_MAX_GAP,
          FRAMES_DECODE_THREADS,
          FRAMES_CAPACITY,
          FRAMES_SEGMENT_TIMEOUT,
          FRAMES_CARRY_FORWARD_WAIT,
          SHOPPABLE_EMBEDDER,
          SHOPPABLE_BEDROCK_MODEL,
          SHOPPABLE_BEDROCK_DIMENSIONS,
          SHOPPABLE_BEDROCK_TPS,
          SHOPPABLE_BEDROCK_ENDPOINT,
          SHOPPABLE_REGION,
          SHOPPABLE_OPENSEARCH_ENDPOINT,
          SHOPPABLE_OPENSEARCH_INDEX,
          SHOPPABLE_OPENSEARCH_SIGNING,
          SHOPPABLE_OPENSEARCH_TPS,
          SHOPPABLE_RETRY_BUDGET,
          SHOPPABLE_CALL_TIMEOUT,
          SHOPPABLE_PRODUCT_LABELS,
          SHOPPABLE_MAX_CROPS,
          SHOPPABLE_CROP_THREADS,
          SHOPPABLE_CAPACITY,
          REKOGNITION_ENABLED,
          REKOGNITION_LABELS,
          REKOGNITION_CELEBRITIES,
          REKOGNITION_CUSTOM_LABELS,
          REKOGNITION_PROJECT_VERSION,
          REKOGNITION_MIN_CONFIDENCE,
          REKOGNITION_MAX_LABELS,
          REKOGNITION_LABELS_TPS,
          REKOGNITION_CELEBRITIES_TPS,
          REKOGNITION_CUSTOM_LABELS_TPS,
          REKOGNITION_CALL_TIMEOUT,
          REKOGNITION_RETRY_BUDGET,
          REKOGNITION_INITIAL_BACKOFF,
          REKOGNITION_FRAME_TIMEOUT,
          REKOGNITION_CAPACITY,
          REKOGNITION_LABELS_PRICE,
          REKOGNITION_CELEBRITIES_PRICE,
          REKOGNITION_CUSTOM_LABELS_PRICE,
          REKOGNITION_REGION,
          REKOGNITION_ENDPOINT,
          SHOPPABLE_GAP_TOLERANCE,
          SHOPPABLE_MIN_SIMILARITY,
          SHOPPABLE_INDEX_KIND,
          SHOPPABLE_INDEX_FILE);
}
