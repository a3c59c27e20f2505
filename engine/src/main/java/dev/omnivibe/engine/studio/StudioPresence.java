package dev.omnivibe.engine.studio;

import dev.omnivibe.engine.adapters.redis.NodeRegistry;
import dev.omnivibe.engine.adapters.redis.StreamBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership in a studio: it beats into the registry every third of the TTL, so the
 * others see it, and it leaves on close. A beat that fails (Redis restarting) is logged and tried
 * again at the next tick; Lettuce reconnects on its own.
 */
public final class StudioPresence implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StudioPresence.class);
  public static final Duration TTL = Duration.ofSeconds(15);
  private final StreamBroker broker;
  private final NodeRegistry registry;
  private final Supplier<NodeInfo> self;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> Threads.daemon(r, "omnivibe-studio-beat"));

  /**
   * Joins the studio on {@code uri}.
   *
   * @throws io.lettuce.core.RedisException naming the URI when Redis cannot be reached
   */
  public StudioPresence(String uri, Supplier<NodeInfo> self, Duration ttl) {
    this.self = self;
    NodeInfo first = self.get();
    this.broker = new StreamBroker(uri, first.id(), Duration.ofSeconds(30));
    this.registry = new NodeRegistry(broker, ttl, Clock.systemUTC());
    registry.beat(first);
    long every = Math.max(100, ttl.toMillis() / 3);
    timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Beats now (after something this node reports changed, such as its API address). */
  public void beatNow() {
    beat();
  }

  private void beat() {
    try {
      registry.beat(self.get());
    } catch (RuntimeException e) {
      LOG.warn("studio heartbeat failed, will retry: {}", e.getMessage());
    }
  }

  /** Every node of the studio, this one included. */
  public List<NodeInfo> nodes() {
    return registry.nodes();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      registry.leave(self.get().id());
    } catch (RuntimeException e) {
      LOG.debug("could not leave the studio cleanly: {}", e.getMessage());
    }
    broker.close();
  }
}
