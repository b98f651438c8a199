package dev.chanx.gen.read;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import java.nio.file.Path;

/** Reads an AsyncAPI document (YAML or JSON) into the model, collecting every problem. */
public final class SpecReader {

  private SpecReader() {}

  /**
   * Reads and checks a document.
   *
   * @param spec the document
   * @param discriminator the discriminator property to use for every channel, or null to infer it
   * @throws SpecException listing every problem found, each with file, JSON pointer and line
   */
  public static ApiModel read(Path spec, String discriminator) throws SpecException {
    throw new UnsupportedOperationException("not yet");
  }
}
