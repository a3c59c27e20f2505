package dev.omnivibe.engine.hooks;

import java.util.List;

/**
 * Runs a program from an argument list (never a shell). {@code {id}}, {@code {name}}, {@code
 * {state}} and {@code {output}} in the arguments are replaced; the job's JSON arrives on stdin and
 * in the environment as {@code OMNIVIBE_JOB_ID}, {@code OMNIVIBE_JOB_STATE} and {@code
 * OMNIVIBE_OUTPUT}.
 */
public record CommandHook(List<String> args) implements Hook {
  public CommandHook {
    args = List.copyOf(args);
  }
}
