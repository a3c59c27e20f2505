package dev.omnivibe.engine.hooks;

import java.net.URI;

/** POSTs the job's JSON to {@code url}, retrying on connection errors, 429 and 5xx. */
public record WebhookHook(URI url) implements Hook {}
