package dev.omnivibe.engine.studio;

/**
 * A job this node now owns on the shared queue.
 *
 * @param stream the stream it came from (its queue, priority band and capability)
 * @param entry the stream entry id; the claim is on this
 * @param reclaimed true when it was taken back from a node whose heartbeat stopped
 */
public record Delivery(
    String stream, String entry, String jobId, String document, boolean reclaimed) {}
