package dev.omnivibe.api;

/** One endpoint; the list in {@link ApiServer#ROUTES} is what the OpenAPI test checks. */
public record Route(String method, String path, boolean needsToken) {}
