package dev.omnivibe.engine.hooks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Something to do when a job finishes: run a program, or POST the job to a URL. */
public sealed interface Hook permits CommandHook, WebhookHook {

  /**
   * A command hook whose program exists; relative names are looked up on {@code PATH}.
   *
   * @throws IllegalArgumentException naming the program when it is not found or not executable
   */
  static CommandHook command(List<String> args, Map<String, String> env) {
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
      return new CommandHook(args);
    }
    for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return new CommandHook(args);
      }
    }
    throw new IllegalArgumentException(
        "hook command '" + program + "' not found on PATH (give its full path)");
  }

  /**
   * @throws IllegalArgumentException unless {@code url} is an absolute http or https URL
   */
  static WebhookHook webhook(String url) {
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
    return new WebhookHook(u);
  }
}
