package dev.omnivibe.engine.render;

import java.nio.file.Path;

/**
 * How the renderer runs.
 *
 * @param workRoot where per-render temporary folders are made
 * @param plan planner options (parallelism, batch size, keyframe distance)
 * @param vaapiDevice the DRM render node for VA-API encoders
 */
public record RenderOptions(Path workRoot, PlanOptions plan, String vaapiDevice) {

  public static RenderOptions defaults() {
    return new RenderOptions(
        Path.of(System.getProperty("java.io.tmpdir")),
        PlanOptions.defaults(),
        dev.omnivibe.engine.encoder.EncoderProbe.vaapiDevice());
  }
}
