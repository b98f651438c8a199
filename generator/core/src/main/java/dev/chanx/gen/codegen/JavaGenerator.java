package dev.chanx.gen.codegen;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import java.util.List;

/** Generates the server-side Java for every channel of a model. */
public final class JavaGenerator {

  private JavaGenerator() {}

  /**
   * Generates the Java sources, one package per channel under {@code basePackage}.
   *
   * @return the files, in a deterministic order
   * @throws SpecException when names taken from the document collide or a construct cannot be
   *     generated
   */
  public static List<GeneratedFile> generate(ApiModel model, String basePackage)
      throws SpecException {
    throw new UnsupportedOperationException("not yet");
  }
}
