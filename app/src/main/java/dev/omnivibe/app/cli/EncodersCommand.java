package dev.omnivibe.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.omnivibe.app.ExitCodes;
import dev.omnivibe.app.Workstation;
import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.ffmpeg.FfmpegNotFoundException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnivibe encoders}: which encoders work here, and why the others do not. */
@Command(
    name = "encoders",
    mixinStandardHelpOptions = true,
    description = "Detect usable video encoders.")
public final class EncodersCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--refresh", description = "Probe again instead of using the cached result.")
  boolean refresh;

  @Option(names = "--ffmpeg", paramLabel = "PATH", description = "The ffmpeg executable to use.")
  Path ffmpeg;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Workstation ws;
    try {
      ws = Workstation.open(ffmpeg);
    } catch (FfmpegNotFoundException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    EncoderReport report = ws.encoders(refresh);
    if (json) {
      ObjectNode n = JSON.valueToTree(report);
      n.put("ffmpeg", ws.tools().ffmpeg().toString());
      n.put("ffmpegSource", ws.tools().source().id());
      n.put("ffmpegChoice", ws.tools().choice().text());
      n.put("defaultH264", report.best(Codec.H264).map(EncoderStatus::name).orElse(null));
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
      return ExitCodes.OK;
    }
    out.printf("FFmpeg: %s%n", ws.tools().describe());
    out.printf("Why: %s%n", ws.tools().choice().text());
    out.printf("Probed in %d ms at %s%n%n", report.probeMillis(), report.probedAt());
    out.printf(
        "%-19s %-5s %-25s %-7s %-16s %s%n",
        "ENCODER", "CODEC", "VENDOR", "USABLE", "REASON", "DETAIL");
    for (EncoderStatus s : report.encoders()) {
      out.printf(
          "%-19s %-5s %-25s %-7s %-16s %s%n",
          s.name(),
          s.codec(),
          s.vendor(),
          s.usable() ? "yes" : "no",
          s.reason() == null ? "" : s.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          s.detail()
              + (s.usable() && !ws.tools().ffmpeg().toString().equals(s.drivenBy())
                  ? " (driven by " + s.drivenBy() + ")"
                  : ""));
    }
    out.printf(
        "%nDefault for renders (auto): %s%n",
        report.best(Codec.H264).map(EncoderStatus::name).orElse("none"));
    return ExitCodes.OK;
  }
}
