package dev.omnivibe.engine.adapters.redis;

import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.studio.Delivery;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The studio's shared queue on Redis Streams with one consumer group.
 *
 * <p>Celery's {@code visibility_timeout} trap (a long task is handed to a second worker because the
 * first has not finished within the timeout) is avoided by renewing, not by guessing: a node calls
 * {@link #heartbeat} for every job it runs, which resets the entry's idle time ({@code XCLAIM ...
 * JUSTID}); only an entry idle for longer than {@code reclaimAfter} (several missed heartbeats: its
 * node is dead) is taken back with {@code XAUTOCLAIM}. A render may run for an hour and is never
 * claimed twice while its node lives.
 *
 * <p>Exactly one completion is recorded per attempt (stream entry): the first {@code SET
 * done:<job>:<entry> NX} wins; a second finisher (a reclaimed job whose first node came back) is
 * told it lost. A submitter publishes a job's next attempt only after applying the previous one, so
 * a job succeeds once.
 */
public final class StreamBroker implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String node;
  private final Duration reclaimAfter;
  private final Set<String> groups = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile long lastReclaimScan = System.nanoTime() - Long.MAX_VALUE / 2;

  /**
   * @param node this node's id (the consumer name)
   * @param reclaimAfter how long an entry may go without a heartbeat before another node takes it
   * @throws RedisException naming the URI when Redis cannot be reached
   */
  public StreamBroker(String uri, String node, Duration reclaimAfter) {
    this.client = RedisClient.create(uri);
    this.client.setDefaultTimeout(Duration.ofSeconds(5));
    try {
      this.connection = client.connect();
    } catch (RedisException e) {
      client.shutdown();
      throw new RedisException(
          "cannot reach the studio queue at " + uri + ": " + e.getMessage(), e);
    }
    this.redis = connection.sync();
    this.node = node;
    this.reclaimAfter = reclaimAfter;
  }

  public String node() {
    return node;
  }

  /** Adds a job to the shared queue; {@code capability} null means any node may run it. */
  public String publish(
      QueueName queue, int priority, String capability, String jobId, String document) {
    String stream = StreamKeys.stream(queue, priority, capability);
    group(stream);
    return redis.xadd(stream, Map.of("job", jobId, "doc", document));
  }

  /**
   * Publishes a job attempt unless one is already out: the marker (holding the entry id) and the
   * entry are written in one script, so a submitter that retries after a lost reply, or restarts,
   * never queues the same attempt twice.
   *
   * @return the stream entry of the attempt, new or already out
   */
  public String publishOnce(
      QueueName queue, int priority, String capability, String jobId, String document) {
    String stream = StreamKeys.stream(queue, priority, capability);
    group(stream);
    return redis.eval(
        PUBLISH_ONCE,
        io.lettuce.core.ScriptOutputType.VALUE,
        new String[] {StreamKeys.dispatched(jobId), stream},
        node,
        jobId,
        document);
  }

  private static final String PUBLISH_ONCE =
      "local out = redis.call('GET', KEYS[1]) "
          + "if out then return out end "
          + "local id = redis.call('XADD', KEYS[2], '*', 'job', ARGV[2], 'doc', ARGV[3]) "
          + "redis.call('SET', KEYS[1], id, 'EX', 604800) "
          + "return id";

  /**
   * Drops a job's publish marker once its submitter has applied the attempt (or given it up), so a
   * later attempt (a retry) is published afresh. Completion records stay until they expire.
   */
  public void forget(String jobId) {
    redis.del(StreamKeys.dispatched(jobId));
  }

  /** Of these jobs, those whose publish marker is gone (a Redis that lost its data). */
  public List<String> unpublished(List<String> jobIds) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    List<io.lettuce.core.KeyValue<String, String>> v =
        redis.mget(jobIds.stream().map(StreamKeys::dispatched).toArray(String[]::new));
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < jobIds.size(); i++) {
      if (!v.get(i).hasValue()) {
        out.add(jobIds.get(i));
      }
    }
    return out;
  }

  /** Asks whichever node runs (or will take) this attempt to stop it. */
  public void cancel(String jobId, String entry) {
    redis.set(StreamKeys.cancel(jobId, entry), node, SetArgs.Builder.ex(Duration.ofDays(7)));
  }

  public boolean cancelled(Delivery d) {
    return redis.exists(StreamKeys.cancel(d.jobId(), d.entry())) > 0;
  }

  /**
   * The recorded results of several attempts at once (null where none), in the order given.
   *
   * @param attempts job id to stream entry
   */
  public Map<String, String> completions(Map<String, String> attempts) {
    if (attempts.isEmpty()) {
      return Map.of();
    }
    List<String> ids = List.copyOf(attempts.keySet());
    List<io.lettuce.core.KeyValue<String, String>> values =
        redis.mget(
            ids.stream().map(id -> StreamKeys.done(id, attempts.get(id))).toArray(String[]::new));
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (values.get(i).hasValue()) {
        out.put(ids.get(i), values.get(i).getValue());
      }
    }
    return out;
  }

  /**
   * The next job this node may run: abandoned entries first (their nodes died), then new ones,
   * highest priority first across the queues and capabilities given.
   */
  public Optional<Delivery> take(Set<QueueName> queues, Set<String> capabilities) {
    List<String> order = StreamKeys.readOrder(queues, capabilities);
    // Looking for dead nodes' jobs costs a round trip per stream; a quarter of the reclaim time
    // between looks keeps that off the hot path and still reclaims within 1.25x reclaimAfter.
    long now = System.nanoTime();
    if (now - lastReclaimScan >= reclaimAfter.toNanos() / 4) {
      lastReclaimScan = now;
      for (String stream : order) {
        group(stream);
        ClaimedMessages<String, String> claimed =
            redis.xautoclaim(
                stream,
                XAutoClaimArgs.Builder.xautoclaim(
                        Consumer.from(StreamKeys.GROUP, node), reclaimAfter, "0-0")
                    .count(1));
        for (StreamMessage<String, String> m : claimed.getMessages()) {
          if (m.getBody() != null && m.getBody().containsKey("job")) {
            return Optional.of(delivery(stream, m, true));
          }
        }
      }
    }
    for (String stream : order) {
      group(stream);
      List<StreamMessage<String, String>> fresh =
          redis.xreadgroup(
              Consumer.from(StreamKeys.GROUP, node),
              XReadArgs.Builder.count(1),
              XReadArgs.StreamOffset.lastConsumed(stream));
      if (!fresh.isEmpty()) {
        return Optional.of(delivery(stream, fresh.get(0), false));
      }
    }
    return Optional.empty();
  }

  private static Delivery delivery(
      String stream, StreamMessage<String, String> m, boolean reclaimed) {
    return new Delivery(
        stream, m.getId(), m.getBody().get("job"), m.getBody().get("doc"), reclaimed);
  }

  /**
   * Renews this node's claim on a running job (resets its idle time). Returns false when another
   * node has taken it meanwhile (this node was presumed dead): the caller should stop the job.
   */
  public boolean heartbeat(Delivery d) {
    Long renewed =
        redis.eval(
            RENEW,
            io.lettuce.core.ScriptOutputType.INTEGER,
            new String[] {d.stream()},
            StreamKeys.GROUP,
            d.entry(),
            node);
    return renewed != null && renewed == 1;
  }

  /**
   * Resets the idle time only if this node still owns the entry, atomically: a plain {@code XCLAIM}
   * would also take it back from a node that reclaimed it.
   */
  private static final String RENEW =
      "local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1) "
          + "if #p == 0 or p[1][2] ~= ARGV[3] then return 0 end "
          + "redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID') "
          + "return 1";

  /** The consumer that holds an entry, if it is still pending. */
  public Optional<String> owner(Delivery d) {
    var pending =
        redis.xpending(
            d.stream(),
            StreamKeys.GROUP,
            io.lettuce.core.Range.create(d.entry(), d.entry()),
            io.lettuce.core.Limit.from(1));
    return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(0).getConsumer());
  }

  /**
   * Records the job's result once for the whole studio and removes the entry.
   *
   * @return true when this completion is the one recorded; false when another node already finished
   *     the job (its result stands)
   */
  public boolean complete(Delivery d, String result) {
    String record = node + "\n" + result;
    Long won =
        redis.eval(
            COMPLETE,
            io.lettuce.core.ScriptOutputType.INTEGER,
            new String[] {StreamKeys.done(d.jobId(), d.entry())},
            record,
            Long.toString(Duration.ofDays(7).toSeconds()));
    redis.xack(d.stream(), StreamKeys.GROUP, d.entry());
    redis.xdel(d.stream(), d.entry());
    return won != null && won == 1;
  }

  /**
   * Set-if-absent that also answers "won" when the stored record is this very one: a completion
   * whose reply was lost to a dropped connection is re-sent by Lettuce and must not read as another
   * node's.
   */
  private static final String COMPLETE =
      "local v = redis.call('GET', KEYS[1]) "
          + "if v then if v == ARGV[1] then return 1 end return 0 end "
          + "redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1";

  /** The recorded result of an attempt, as {@code node\nresult}, if any node completed it. */
  public Optional<String> completion(String jobId, String entry) {
    return Optional.ofNullable(redis.get(StreamKeys.done(jobId, entry)));
  }

  /** Entries waiting or running in a stream (for tests and the nodes view). */
  public long depth(QueueName queue, int priority, String capability) {
    return redis.xlen(StreamKeys.stream(queue, priority, capability));
  }

  private void group(String stream) {
    if (groups.contains(stream)) {
      return;
    }
    try {
      redis.xgroupCreate(
          XReadArgs.StreamOffset.from(stream, "0"),
          StreamKeys.GROUP,
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // BUSYGROUP: another node made it first.
    }
    groups.add(stream);
  }

  /** Tells the node that submitted a job something about it (lossy: pub/sub). */
  public void tell(String submitter, String message) {
    redis.publish(StreamKeys.events(submitter), message);
  }

  /**
   * Listens for what other nodes tell this one about its jobs. Lettuce subscribes again after a
   * reconnect; messages sent meanwhile are lost, which is why results are also polled.
   */
  public AutoCloseable listen(java.util.function.Consumer<String> onMessage) {
    var pubsub = client.connectPubSub();
    pubsub.addListener(
        new io.lettuce.core.pubsub.RedisPubSubAdapter<String, String>() {
          @Override
          public void message(String channel, String message) {
            onMessage.accept(message);
          }
        });
    pubsub.sync().subscribe(StreamKeys.events(node));
    return pubsub::close;
  }

  /** Commands for the node registry on the same connection. */
  /** The studio's shared results, on this broker's connection. */
  public SharedResults results(java.time.Duration dedupTtl, java.time.Duration reclaimAfter) {
    return new SharedResults(commands(), dedupTtl, reclaimAfter);
  }

  RedisCommands<String, String> commands() {
    return redis;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
