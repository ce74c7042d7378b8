package io.cuepoint.connectors.aws;

import java.time.Duration;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The SDK async client set-up of the job's per-record calls (Personalize ranking, IVS
 * PutMetadata), where the client's own CPU per call limits the rate: few event-loop threads, and
 * the response future completed on the event loop rather than handed to the SDK's completion
 * thread pool. Our callbacks on those futures only count, complete Flink result futures or hand
 * work to another thread, so they never hold up the event loop; the hand-over saved costs a
 * thread wake-up per call.
 */
public final class AsyncClientTuning {
  /**
   * Event-loop threads per client (Netty's default is two per core): each subtask has its own
   * client, and two loop threads carry more calls than a subtask's share of the cores pays for.
   */
  static final int EVENT_LOOP_THREADS = 2;

  private AsyncClientTuning() {}

  /** Netty with {@code connections} connections at most and the job's few event-loop threads. */
  public static NettyNioAsyncHttpClient.Builder http(int connections, Duration connectionTimeout) {
    return NettyNioAsyncHttpClient.builder()
        .maxConcurrency(connections)
        .connectionTimeout(connectionTimeout)
        .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(EVENT_LOOP_THREADS));
  }

  /** Completes each call's future on the thread that read its response. */
  public static <B extends SdkAsyncClientBuilder<B, C>, C> B completeOnEventLoop(B builder) {
    return builder.asyncConfiguration(
        ClientAsyncConfiguration.builder()
            .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run)
            .build());
  }
}
