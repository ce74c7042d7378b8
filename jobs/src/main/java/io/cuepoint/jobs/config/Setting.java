package io.cuepoint.jobs.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.util.TimeUtils;

/**
 * One configuration property: its property group and key (as Managed Service for Apache Flink
 * names them), its default, what it is for, and how its text becomes a value.
 */
public final class Setting<T> {
  /** Turns a property's text into its value, or explains in a few words why it cannot. */
  interface Parser<T> {
    T parse(String text);
  }

  private final String group;
  private final String key;
  private final String defaultValue;
  private final String description;
  private final Parser<T> parser;

  private Setting(String group, String key, String defaultValue, String description, Parser<T> parser) {
    this.group = group;
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
    this.parser = parser;
  }

  static Setting<Duration> duration(String group, String key, String def, String description) {
    return new Setting<>(group, key, def, description, Setting::parseDuration);
  }

  static Setting<Integer> integer(
      String group, String key, String def, int min, int max, String description) {
    return new Setting<>(
        group,
        key,
        def,
        description,
        text -> {
          int value;
          try {
            value = Integer.parseInt(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
          }
          return value;
        });
  }

  static Setting<Double> decimal(
      String group, String key, String def, double min, double max, String description) {
    return new Setting<>(
        group,
        key,
        def,
        description,
        text -> {
          double value;
          try {
            value = Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
          }
          if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(text.trim() + " is outside " + min + ".." + max);
          }
          return value;
        });
  }

  /** Free text, trimmed; what it must look like is checked where it is used. */
  static Setting<String> text(String group, String key, String def, String description) {
    return new Setting<>(group, key, def, description, String::trim);
  }

  static Setting<Boolean> bool(String group, String key, String def, String description) {
    return new Setting<>(
        group,
        key,
        def,
        description,
        text -> {
          switch (text.trim()) {
            case "true":
              return true;
            case "false":
              return false;
            default:
              throw new IllegalArgumentException("'" + text + "' is not true or false");
          }
        });
  }

  /** Text (trimmed) that {@code check} accepts, or {@code none}; it explains what is wrong. */
  static Setting<String> checkedText(
      String group, String key, String def, String description, Parser<String> check) {
    return new Setting<>(
        group,
        key,
        def,
        description,
        text -> {
          String value = text.trim();
          return value.equals("none") ? value : check.parse(value);
        });
  }

  /** One of a few words. */
  static Setting<String> choice(
      String group, String key, String def, List<String> choices, String description) {
    return new Setting<>(
        group,
        key,
        def,
        description,
        text -> {
          String value = text.trim();
          if (!choices.contains(value)) {
            throw new IllegalArgumentException(
                "'" + text + "' is not one of " + String.join(", ", choices));
          }
          return value;
        });
  }

  private static Duration parseDuration(String text) {
    Duration d;
    try {
      d = TimeUtils.parseDuration(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (examples: 500ms, 15s, 10min, 1h)");
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is negative");
    }
    return d;
  }

  public String group() {
    return group;
  }

  public String key() {
    return key;
  }

  /** {@code Group.key}, as written in overrides, errors and the README. */
  public String id() {
    return group + "." + key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** Parses a value of this setting, or throws a {@link ConfigException} naming it. */
  T parse(String text) {
    try {
      return parser.parse(Objects.requireNonNull(text));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(id() + ": " + e.getMessage());
    }
  }
}
