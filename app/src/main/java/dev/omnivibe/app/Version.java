package dev.omnivibe.app;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, or "development" when run from classes. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Launcher.class.getPackage().getImplementationVersion();
    return new String[] {"OmniVibe Workstation " + (v == null ? "development" : v)};
  }
}
