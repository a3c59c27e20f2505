package dev.omnivibe.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version and build date the build wrote into {@code version.properties}. */
public final class Version implements IVersionProvider {

  /** The build's version, e.g. {@code 0.1.0}; "development" when the resource is missing. */
  public static String number() {
    return read().getProperty("version", "development");
  }

  @Override
  public String[] getVersion() {
    Properties p = read();
    String built = p.getProperty("built", "");
    return new String[] {
      "OmniVibe Workstation " + p.getProperty("version", "development"),
      built.isEmpty() ? "" : "built " + built,
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "") + ")"
    };
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource is a development build
    }
    return p;
  }
}
