package dev.omnivibe.engine.hooks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Something to do when a job finishes: run a program, or POST the job to a URL. */
public sealed interface Hook {

  /**
   * Runs a program from an argument list (never a shell). {@code {id}}, {@code {name}}, {@code
   * {state}} and {@code {output}} in the arguments are replaced; the job's JSON arrives on stdin
   * and in the environment as {@code OMNIVIBE_JOB_ID}, {@code OMNIVIBE_JOB_STATE} and {@code
   * OMNIVIBE_OUTPUT}.
   */
  record Command(List<String> args) implements Hook {
    public Command {
      args = List.copyOf(args);
    }
  }

  /** POSTs the job's JSON to {@code url}, retrying on connection errors, 429 and 5xx. */
  record Webhook(URI url) implements Hook {}

  /**
   * A command hook whose program exists; relative names are looked up on {@code PATH}.
   *
   * @throws IllegalArgumentException naming the program when it is not found or not executable
   */
  static Command command(List<String> args, Map<String, String> env) {
    if (args == null || args.isEmpty() || args.get(0).isBlank()) {
      throw new IllegalArgumentException("a command hook needs a program to run");
    }
    String program = args.get(0);
    Path p = Path.of(program);
    if (p.isAbsolute() || program.contains("/")) {
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new IllegalArgumentException(
            "hook command '" + program + "' not found or not executable");
      }
      return new Command(args);
    }
    for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return new Command(args);
      }
    }
    throw new IllegalArgumentException(
        "hook command '" + program + "' not found on PATH (give its full path)");
  }

  /**
   * @throws IllegalArgumentException unless {@code url} is an absolute http or https URL
   */
  static Webhook webhook(String url) {
    URI u;
    try {
      u = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook '" + url + "' is not a URL: " + e.getMessage());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException(
          "webhook '" + url + "' must be an http:// or https:// URL");
    }
    return new Webhook(u);
  }
}
