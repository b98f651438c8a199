package dev.chanx.gen.cli;

import dev.chanx.gen.GeneratorVersion;
import picocli.CommandLine;

/** The generator's version and the Java that runs it. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"chanx-gen " + GeneratorVersion.get(), "Java " + System.getProperty("java.version")};
  }
}
