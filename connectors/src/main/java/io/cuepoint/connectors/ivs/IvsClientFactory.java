package io.cuepoint.connectors.ivs;

import java.io.Serializable;
import software.amazon.awssdk.services.ivs.IvsAsyncClient;

/** Makes the IVS client of one region on the task manager (clients cannot be serialized). */
@FunctionalInterface
public interface IvsClientFactory extends Serializable {
  IvsAsyncClient create(String region, IvsSettings settings);
}
