package io.cuepoint.connectors.ivs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ivs.IvsAsyncClient;

/**
 * PutMetadata on the right region's client: the region in the channel's ARN (IVS channels live in
 * one region), unless the settings fix one. Clients are made on first use and closed together.
 */
final class IvsClients implements MetadataDispatcher.Calls, AutoCloseable {
  private final IvsClientFactory factory;
  private final IvsSettings settings;
  private final ConcurrentHashMap<String, IvsAsyncClient> byRegion = new ConcurrentHashMap<>();

  IvsClients(IvsClientFactory factory, IvsSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  @Override
  public CompletableFuture<?> put(String channelArn, String metadata) {
    String region = settings.region != null ? settings.region : regionOf(channelArn);
    return byRegion
        .computeIfAbsent(region, r -> factory.create(r, settings))
        .putMetadata(b -> b.channelArn(channelArn).metadata(metadata));
  }

  /** {@code arn:aws:ivs:REGION:ACCOUNT:channel/ID}: validated on input, so the part is there. */
  static String regionOf(String channelArn) {
    String[] parts = channelArn.split(":", 6);
    if (parts.length < 6 || parts[3].isEmpty()) {
      throw new IllegalArgumentException("no region in channel ARN " + channelArn);
    }
    return parts[3];
  }

  @Override
  public void close() {
    byRegion.values().forEach(IvsAsyncClient::close);
    byRegion.clear();
  }
}
