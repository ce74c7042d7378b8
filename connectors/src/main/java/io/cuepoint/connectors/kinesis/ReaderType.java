package io.cuepoint.connectors.kinesis;

/** How records are read from a stream's shards. */
public enum ReaderType {
  /** GetRecords calls on a shared read throughput of 2 MB/s per shard. */
  POLLING,
  /** Enhanced fan-out: a registered consumer with its own 2 MB/s per shard, pushed over HTTP/2. */
  EFO
}
