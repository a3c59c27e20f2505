package dev.omnivibe.engine.encoder;

/** A failure's reason and the line that shows it. */
public record Diagnosis(FailureReason reason, String detail) {}
