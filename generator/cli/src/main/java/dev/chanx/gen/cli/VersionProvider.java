package dev.chanx.gen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version the build wrote into {@code version.properties}. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {
      "chanx-gen " + properties.getProperty("version", "unknown"),
      "Java " + System.getProperty("java.version")
    };
  }
}
