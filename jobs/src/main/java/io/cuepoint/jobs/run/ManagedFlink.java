package io.cuepoint.jobs.run;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import io.cuepoint.jobs.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Amazon Managed Service for Apache Flink: it gives an application its runtime properties as
 * property groups in a file that {@link KinesisAnalyticsRuntime} reads.
 */
final class ManagedFlink {
  /** Where the service puts the application's properties (named in the runtime library). */
  static final Path PROPERTIES_FILE = Path.of("/etc/flink/application_properties.json");

  private ManagedFlink() {}

  static boolean detected() {
    return Files.isRegularFile(PROPERTIES_FILE);
  }

  static Map<String, Properties> properties() {
    try {
      return KinesisAnalyticsRuntime.getApplicationProperties();
    } catch (IOException e) {
      throw new ConfigException("Managed Flink application properties cannot be read: " + e.getMessage());
    }
  }
}
