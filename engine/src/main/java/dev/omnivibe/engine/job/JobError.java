package dev.omnivibe.engine.job;

/** Why the last attempt of a job failed. */
public record JobError(FailureKind kind, String message) {}
