package io.cuepoint.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command: {@code --name value} pairs, repeatable {@code --set Group.key=value}
 * overrides, and {@code --flag}s. Anything not declared by the command is refused by name.
 */
public final class Arguments {
  private final String command;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private final List<String> flags = new ArrayList<>();

  private Arguments(String command) {
    this.command = command;
  }

  /**
   * @param valued options that take a value, without the leading dashes
   * @param flagNames options that take none
   */
  public static Arguments parse(
      String command, List<String> args, Set<String> valued, Set<String> flagNames) {
    Arguments parsed = new Arguments(command);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException(command + ": unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String inlineValue = null;
      int eq = name.indexOf('=');
      if (eq > 0 && !name.startsWith("set")) {
        inlineValue = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flagNames.contains(name)) {
        parsed.flags.add(name);
        continue;
      }
      if (!valued.contains(name) && !name.equals("set")) {
        throw new UsageException(command + ": unknown option --" + name);
      }
      String value = inlineValue;
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException(command + ": --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (name.equals("set")) {
        int at = value.indexOf('=');
        if (at <= 0 || value.indexOf('.') <= 0 || value.indexOf('.') > at) {
          throw new UsageException(
              command + ": --set needs Group.key=value, got '" + value + "'");
        }
        parsed.overrides.put(value.substring(0, at), value.substring(at + 1));
      } else if (parsed.options.put(name, value) != null) {
        throw new UsageException(command + ": --" + name + " given twice");
      }
    }
    return parsed;
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  public String required(String name) {
    return option(name)
        .orElseThrow(() -> new UsageException(command + ": --" + name + " is required"));
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  public Map<String, String> overrides() {
    return overrides;
  }

  /** A folder that must exist. */
  public Path existingDirectory(String name) {
    Path dir = Path.of(required(name));
    if (!Files.isDirectory(dir)) {
      throw new UsageException(command + ": --" + name + " " + dir + " is not a folder");
    }
    return dir;
  }

  public long longOption(String name, long defaultValue) {
    Optional<String> text = option(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + name + " '" + text.get() + "' is not a whole number");
    }
  }

  public double doubleOption(String name, double defaultValue) {
    Optional<String> text = option(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(text.get());
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + name + " '" + text.get() + "' is not a number");
    }
  }
}
