package dev.chanx.gen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The generator's version, as the build wrote it into {@code version.properties}. */
public final class GeneratorVersion {

  private static final String VERSION = read();

  private GeneratorVersion() {}

  /** {@return the version, such as {@code 0.1.0-SNAPSHOT}} */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = GeneratorVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the generator's classes");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
