package dev.omnivibe.engine.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.adapters.redis.StreamBroker;
import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.queue.Outcome;
import dev.omnivibe.engine.queue.StopReason;

/**
 * How one attempt ended on the node that ran it, as recorded in Redis for the submitting node,
 * which applies it to its own record with its retry policy.
 *
 * @param stop why the running node stopped the job (a limit, a cancel), or null
 */
record AttemptRecord(String node, Outcome outcome, StopReason stop) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The stored form: {@code node\n{json}} (the node prefix is what the broker keeps). */
  String json() {
    ObjectNode n = JSON.createObjectNode();
    if (outcome.succeeded()) {
      n.set("result", JSON.valueToTree(outcome.result()));
    } else {
      n.put("failure", outcome.failure().name());
      n.put("message", outcome.message());
    }
    if (stop != null) {
      n.put("stop", stop.name());
    }
    return n.toString();
  }

  /** Parses what {@link StreamBroker#completion} returns. */
  static AttemptRecord parse(String stored) {
    int nl = stored.indexOf('\n');
    try {
      JsonNode n = JSON.readTree(stored.substring(nl + 1));
      StopReason stop = n.hasNonNull("stop") ? StopReason.valueOf(n.get("stop").asText()) : null;
      Outcome outcome =
          n.hasNonNull("result")
              ? Outcome.success(JSON.treeToValue(n.get("result"), JobResult.class))
              : Outcome.failed(
                  FailureKind.valueOf(n.path("failure").asText()), n.path("message").asText());
      return new AttemptRecord(stored.substring(0, nl), outcome, stop);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      // A record this version cannot read must not wedge the job: it fails with the reason.
      return new AttemptRecord(
          nl < 0 ? "?" : stored.substring(0, nl),
          Outcome.failed(FailureKind.BAD_INPUT, "unreadable studio result: " + e.getMessage()),
          null);
    }
  }
}
