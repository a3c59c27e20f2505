package dev.omnivibe.engine.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues what is dropped into a folder: a deck ({@code *.json} or {@code *.omnivibe}) or a folder
 * of images (rendered in name order, or by the {@code deck.json} inside it). A drop is read only
 * once its size and modification time have stayed the same for the settle time, so a file still
 * being copied is never read half-written. A drop that cannot be queued gets a {@code
 * <name>.error.txt} beside it saying why; fixing the drop (a new fingerprint) queues it.
 */
public final class WatchFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WatchFolder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "webp");
  private final WatchSettings settings;
  private final Clock clock;
  private final Intake intake;
  private final WatchService events;
  private final Ledger ledger;
  private final Map<Path, Pending> pending = new LinkedHashMap<>();
  private ScheduledExecutorService timer;

  private record Pending(String fingerprint, Instant since) {}

  /**
   * Watches {@code settings.folder()}; drops already there (made while the app was closed) are
   * considered too.
   *
   * @throws IllegalArgumentException naming the folder when it is missing, not a folder, or not
   *     writable
   */
  public WatchFolder(WatchSettings settings, Clock clock, Intake intake) {
    Path folder = settings.folder();
    if (!Files.exists(folder)) {
      throw new IllegalArgumentException("the watch folder " + folder + " does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("the watch folder " + folder + " is not a folder");
    }
    this.settings = settings;
    this.clock = clock;
    this.intake = intake;
    this.ledger = new Ledger(folder);
    try {
      this.events = folder.getFileSystem().newWatchService();
      folder.register(
          events,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.OVERFLOW);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot watch " + folder + ": " + e.getMessage(), e);
    }
    try (Stream<Path> existing = Files.list(folder)) {
      existing
          .filter(WatchFolder::candidate)
          .forEach(p -> pending.put(p, new Pending("", clock.instant())));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Checks twice a second in the background (the app and {@code serve}). */
  public WatchFolder start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "omnivibe-watch");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            poll();
          } catch (RuntimeException e) {
            LOG.warn("watch folder {}: {}", settings.folder(), e.getMessage());
          }
        },
        500,
        500,
        TimeUnit.MILLISECONDS);
    return this;
  }

  /** Takes new folder events and queues every drop that has settled; returns the job ids queued. */
  public synchronized List<String> poll() {
    drainEvents();
    List<String> queued = new ArrayList<>();
    Instant now = clock.instant();
    for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      Path drop = e.getKey();
      String print = fingerprint(drop);
      if (print == null) {
        it.remove(); // gone again
        continue;
      }
      if (!print.equals(e.getValue().fingerprint())) {
        e.setValue(new Pending(print, now)); // still being written
        continue;
      }
      if (now.isBefore(e.getValue().since().plus(settings.settle()))) {
        continue;
      }
      it.remove();
      String name = drop.getFileName().toString();
      if (!ledger.taken(name, print)) {
        String id = take(drop, name, print);
        if (id != null) {
          queued.add(id);
        }
      }
    }
    return queued;
  }

  /** Drops seen but not settled yet. */
  public synchronized int pendingCount() {
    drainEvents();
    return pending.size();
  }

  private void drainEvents() {
    WatchKey key;
    try {
      while ((key = events.poll()) != null) {
        for (WatchEvent<?> ev : key.pollEvents()) {
          if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
            rescan();
          } else {
            Path p = settings.folder().resolve((Path) ev.context());
            if (candidate(p)) {
              pending.putIfAbsent(p, new Pending("", clock.instant()));
            }
          }
        }
        key.reset();
      }
    } catch (ClosedWatchServiceException e) {
      // closing
    }
  }

  private void rescan() {
    try (Stream<Path> all = Files.list(settings.folder())) {
      all.filter(WatchFolder::candidate)
          .forEach(p -> pending.putIfAbsent(p, new Pending("", clock.instant())));
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", settings.folder(), e.getMessage());
    }
  }

  static boolean candidate(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.startsWith(".")
        || n.endsWith(".error.txt")
        || n.endsWith(".partial")
        || n.endsWith(".tmp")
        || n.endsWith(".crdownload")) {
      return false;
    }
    return Files.isDirectory(p) || n.endsWith(".json") || n.endsWith(".omnivibe");
  }

  /** Size and modification time of the drop (all files, for a folder); null when it is gone. */
  static String fingerprint(Path drop) {
    try {
      if (Files.isDirectory(drop)) {
        long[] acc = new long[3];
        try (Stream<Path> files = Files.walk(drop)) {
          files
              .filter(Files::isRegularFile)
              .forEach(
                  f -> {
                    try {
                      acc[0]++;
                      acc[1] += Files.size(f);
                      acc[2] = Math.max(acc[2], Files.getLastModifiedTime(f).toMillis());
                    } catch (IOException e) {
                      acc[0] = -1_000_000; // a file vanished mid-walk: unsettled
                    }
                  });
        }
        return acc[0] + "/" + acc[1] + "/" + acc[2];
      }
      return Files.size(drop) + "/" + Files.getLastModifiedTime(drop).toMillis();
    } catch (IOException e) {
      return null;
    }
  }

  private String take(Path drop, String name, String print) {
    Path error = settings.folder().resolve(name + ".error.txt");
    try {
      String id;
      if (Files.isDirectory(drop)) {
        Path deck = drop.resolve("deck.json");
        id =
            Files.isRegularFile(deck)
                ? intake.submit(name, JSON.readTree(deck.toFile()), drop, settings.priority())
                : intake.submit(name, imagesDeck(drop), drop, settings.priority());
      } else {
        String title = name.replaceFirst("\\.[^.]+$", "");
        id =
            intake.submit(
                title, JSON.readTree(drop.toFile()), drop.getParent(), settings.priority());
      }
      ledger.record(name, print, "job " + id);
      Files.deleteIfExists(error);
      LOG.info("watch folder: queued {} as job {}", name, id);
      return id;
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      try {
        Files.writeString(
            error, "OmniVibe could not queue " + name + ":\n" + why + "\n", StandardCharsets.UTF_8);
        ledger.record(name, print, "error");
      } catch (IOException io) {
        LOG.warn("cannot write {}: {}", error, io.getMessage());
      }
      LOG.warn("watch folder: {} not queued: {}", name, why);
      return null;
    }
  }

  private JsonNode imagesDeck(Path dir) throws IOException {
    List<Path> images;
    try (Stream<Path> files = Files.list(dir)) {
      images = files.filter(p -> IMAGES.contains(extension(p))).sorted().toList();
    }
    if (images.isEmpty()) {
      throw new IOException("the folder has no deck.json and no PNG, JPEG or WebP images");
    }
    ObjectNode deck = JSON.createObjectNode();
    ArrayNode slides = deck.putArray("slides");
    for (Path img : images) {
      slides
          .addObject()
          .put("image", img.getFileName().toString())
          .put("duration", settings.slideSeconds());
    }
    return deck;
  }

  private static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    try {
      events.close();
    } catch (IOException e) {
      LOG.debug("closing the watch service: {}", e.getMessage());
    }
  }
}
