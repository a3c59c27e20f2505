package dev.omnivibe.engine.encoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The GPUs in this machine, as far as an encoder's failure needs them: which vendors have a device,
 * and the model of each NVIDIA GPU.
 *
 * <p>An FFmpeg error alone can mislead. A build whose NVENC API is newer than the driver says
 * "driver too old" even on an H100, which has no NVENC unit at all: updating the driver would not
 * help, so the honest answer there is "no device".
 */
public record GpuInventory(List<String> vendors, List<String> nvidiaModels) {
  /**
   * Data-centre GPUs built without an NVENC unit (NVIDIA's Video Encode and Decode support matrix):
   * they decode with NVDEC but cannot encode.
   */
  private static final List<String> WITHOUT_NVENC =
      List.of("A100", "A800", "A30", "H100", "H800", "H200", "H20", "GH200");

  public GpuInventory {
    vendors = List.copyOf(vendors);
    nvidiaModels = List.copyOf(nvidiaModels);
  }

  public static GpuInventory none() {
    return new GpuInventory(List.of(), List.of());
  }

  /** Reads {@code /sys/class/drm} and {@code /proc/driver/nvidia/gpus}; empty elsewhere. */
  public static GpuInventory read() {
    return read(Path.of("/sys/class/drm"), Path.of("/proc/driver/nvidia/gpus"));
  }

  static GpuInventory read(Path drm, Path nvidia) {
    List<String> vendors = new ArrayList<>();
    for (Path card : list(drm)) {
      String vendor = vendorName(readQuietly(card.resolve("device/vendor")).trim());
      if (vendor != null && !vendors.contains(vendor)) {
        vendors.add(vendor);
      }
    }
    List<String> models = new ArrayList<>();
    for (Path gpu : list(nvidia)) {
      for (String line : readQuietly(gpu.resolve("information")).split("\n")) {
        if (line.startsWith("Model:")) {
          models.add(line.substring("Model:".length()).trim());
        }
      }
    }
    if (!models.isEmpty() && !vendors.contains("nvidia")) {
      vendors.add("nvidia");
    }
    return new GpuInventory(vendors, models);
  }

  /** True when NVIDIA GPUs are present and none of them has an NVENC unit. */
  public boolean nvencAbsent() {
    return !nvidiaModels.isEmpty() && nvidiaModels.stream().allMatch(GpuInventory::withoutNvenc);
  }

  public boolean has(String vendor) {
    return vendors.contains(vendor);
  }

  static boolean withoutNvenc(String model) {
    String upper = model.toUpperCase(Locale.ROOT);
    for (String m : WITHOUT_NVENC) {
      if (upper.matches(".*\\b" + m + "\\b.*")) {
        return true;
      }
    }
    return false;
  }

  private static String vendorName(String pciVendor) {
    return switch (pciVendor.toLowerCase(Locale.ROOT)) {
      case "0x10de" -> "nvidia";
      case "0x8086" -> "intel";
      case "0x1002" -> "amd";
      default -> null;
    };
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
