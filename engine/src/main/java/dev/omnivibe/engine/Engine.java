package dev.omnivibe.engine;

import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.dedup.DedupStats;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.hooks.WebhookTargets;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.media.MediaException;
import dev.omnivibe.engine.media.PosterFrame;
import dev.omnivibe.engine.monitor.Metrics;
import dev.omnivibe.engine.monitor.Recorder;
import dev.omnivibe.engine.queue.QueueControl;
import dev.omnivibe.engine.queue.QueueStatus;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.store.ApiClients;
import dev.omnivibe.engine.store.JobPage;
import dev.omnivibe.engine.store.JobQuery;
import dev.omnivibe.engine.studio.NodeInfo;
import dev.omnivibe.engine.tts.SpeechRequest;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import dev.omnivibe.engine.tts.Voice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point the API and the UI use: submit renders, list and steer jobs, watch events,
 * read queue state, estimates, health and performance reports. {@link EngineAssembly} wires what is
 * behind it; every method here only delegates.
 */
public final class Engine implements AutoCloseable {
  private final EngineParts p;
  private final int recovered;

  private Engine(EngineParts parts) {
    this.p = parts;
    this.recovered = parts.queue().start();
  }

  /**
   * Opens the engine on a data folder: locks it, opens (or creates) the store, clears temporary
   * files a dead process left, queues again the jobs it was running, and starts the workers.
   *
   * @throws IllegalStateException when another engine uses the folder
   * @throws dev.omnivibe.engine.store.StoreException when the store cannot be opened
   */
  public static Engine open(EngineConfig config) {
    Engine engine = new Engine(EngineAssembly.open(config));
    engine.p.maintenance().start(config.tickEvery, config.cleanupEvery);
    return engine;
  }

  /**
   * Checks a render (the whole deck, every problem at once) and queues it, or answers at once from
   * an identical earlier render. Spoken slides queue narration jobs the render waits for.
   *
   * @throws InvalidDeckException listing every problem, each with a JSON pointer
   * @throws IllegalArgumentException for an unusable encoder choice or priority
   */
  public Job submit(RenderRequest request) throws InvalidDeckException {
    return p.submissions().submit(request);
  }

  /**
   * Checks a render exactly as {@link #submit} would, and estimates it, without queueing anything
   * (the editor's live validation). Spoken slides count at their words' length until spoken.
   *
   * @throws InvalidDeckException listing every problem, each with its field
   */
  public Inspection inspect(RenderRequest request) throws InvalidDeckException {
    ResolvedDeck deck = p.submissions().check(request).prepared().resolved();
    return new Inspection(deck, p.forecasts().estimateSeconds(deck, request.encoder()));
  }

  /**
   * Queues speech on the audio queue. The finished job's result is a WAV asset ({@code
   * asset:<result.sha256>}) at {@code lufs} loudness (NaN: as spoken). Identical speech within the
   * cache TTL answers at once; identical open speech is joined.
   *
   * @throws InvalidDeckException listing every problem (text, voice, rate) by field
   * @throws SpeechUnavailableException saying how to install espeak-ng
   */
  public Job narrate(
      String name, SpeechRequest speech, double lufs, int priority, String submittedBy)
      throws InvalidDeckException, IOException, InterruptedException {
    return p.submissions().narrate(name, speech, lufs, priority, submittedBy);
  }

  /**
   * Queues a clean-up on the maintenance queue now: old temporary files, outputs past their
   * retention, old metric roll-ups. An open clean-up is joined rather than queued twice.
   */
  public Job cleanup() {
    return p.maintenance().cleanup();
  }

  public Optional<Job> job(String id) {
    return p.queue().job(id);
  }

  public JobPage jobs(JobQuery query) {
    return p.store().jobs(query);
  }

  public JobProgress progress(String id) {
    return p.queue().progress(id);
  }

  /** Steering: cancel, reorder, retry, pause, worker counts, and job events. */
  public QueueControl queue() {
    return p.queue();
  }

  /** Seconds until a job is done: 0 when finished, its own ETA while running, else a forecast. */
  public double etaSeconds(String id) {
    return p.forecasts().etaSeconds(id);
  }

  /** The state and ETA of every named queue. */
  public List<QueueStatus> queues() {
    return p.forecasts().queues();
  }

  /** Estimated wall seconds to render {@code deck} with {@code encoderChoice}. */
  public double estimateSeconds(ResolvedDeck deck, String encoderChoice) {
    return p.forecasts().estimateSeconds(deck, encoderChoice);
  }

  /** The encoder probe result; {@code refresh} probes again instead of using the cache. */
  public EncoderReport encoders(boolean refresh) {
    return refresh ? p.encoders().refresh() : p.encoders().get();
  }

  /**
   * The local text-to-speech voices.
   *
   * @throws SpeechUnavailableException saying how to install espeak-ng
   */
  public List<Voice> voices() throws IOException, InterruptedException {
    return p.narrator().voices();
  }

  /** The local speech engine's name (e.g. {@code espeak-ng}), for listings of its voices. */
  public String speechEngineName() {
    return p.narrator().engineName();
  }

  /** Whether the store answers, and which FFmpeg renders and why. */
  public EngineHealth health() {
    return p.health();
  }

  /** Timings, read only: reports, charts, exporters. */
  public Metrics metrics() {
    return p.monitor();
  }

  /** Where callers outside the engine record what they timed (the API's requests). */
  public Recorder recorder() {
    return p.monitor();
  }

  public DedupStats dedupStats() {
    return p.cache().stats();
  }

  /** The API's registered callers, kept in the engine's store. */
  public ApiClients apiClients() {
    return p.store();
  }

  /**
   * Checks that an uploaded file is an image, or audio FFmpeg can read.
   *
   * @throws MediaException saying why it cannot be used
   */
  public void checkMedia(Path file, boolean image) throws MediaException {
    p.checkMedia(file, image);
  }

  /**
   * Writes a video's frame at {@code seconds} (its first when shorter) as a PNG {@code width} wide.
   *
   * @throws IOException naming FFmpeg's last error line when no frame could be written
   */
  public Path posterFrame(Path video, double seconds, int width, Path png)
      throws IOException, InterruptedException {
    return PosterFrame.grab(p.tools(), video, seconds, width, png);
  }

  /** Where a job's own webhooks may point (the node's settings). */
  public WebhookTargets webhookTargets() {
    return p.webhookTargets();
  }

  /** This data folder's own random id: keeps nodes' cached API answers apart on one Redis. */
  public String instanceId() {
    return p.folder().id();
  }

  /** Uploaded and generated media; in a studio, the shared folder's, so every node reads them. */
  public Path assetsDir() {
    return p.node().assetsDir();
  }

  /** Where renders are written; in a studio, the shared folder's. */
  public Path outputsDir() {
    return p.node().outputsDir();
  }

  /** This node's part in a studio, in words; empty when no studio is configured. */
  public Optional<String> studioStatus() {
    return p.node().studioStatus();
  }

  /** Ids of the jobs this node is running now: its own queue's and, in a studio, others'. */
  public List<String> runningHere() {
    return p.node().runningHere();
  }

  /** This node as a studio lists it; {@code api} is the URL its API answers on ("" for none). */
  public NodeInfo nodeInfo(String id, String api) {
    return p.node().info(id, api, p.encoders().get(), p.clock().instant());
  }

  /** Jobs that were running when the previous process died and were queued again at start. */
  public int recoveredAtStart() {
    return recovered;
  }

  /** Applies the clock to retries and time limits (a timer does this unless turned off). */
  public void tick() {
    p.maintenance().tick();
  }

  /** Stops the workers (running jobs go back to the queue), saves metrics, closes the store. */
  @Override
  public void close() {
    p.close();
  }
}
