package dev.chanx.gen.codegen;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import java.util.List;

/**
 * Generates the browser client of a document: one ES module, {@code js/<title-in-kebab-case>.js},
 * with its TypeScript declarations beside it. No build step and no dependency: the module holds
 * the client runtime and one client class per channel.
 */
public final class JsClientGenerator {

  // Planning names Java types too; the package only has to be legal, it is never written.
  private static final String PLANNING_PACKAGE = "js";

  private JsClientGenerator() {}

  /**
   * Generates the module and its declarations.
   *
   * @return the two files, the declarations first
   * @throws SpecException when names taken from the document collide or a construct cannot be
   *     generated
   */
  public static List<GeneratedFile> generate(ApiModel model) throws SpecException {
    List<JsChannel> channels = JsChannel.of(ChannelPlans.plan(model, PLANNING_PACKAGE,
        new ChannelPlanner.Sides(false, false)));
    String name = fileName(model.title());
    String source = new FileHeader(model.source()).source();
    String title = model.title() == null || model.title().isBlank() ? name : model.title().strip();
    if (model.version() != null && !model.version().isBlank()) {
      title += " " + model.version().strip();
    }
    return List.of(
        new GeneratedFile("js/" + name + ".d.ts", TsDeclarationWriter.write(source, title, name + ".js", channels)),
        new GeneratedFile("js/" + name + ".js", JsModuleWriter.write(source, title, name + ".d.ts", channels)));
  }

  /** The module's name: the document's title in kebab case, such as {@code chanx-chat}. */
  static String fileName(String title) {
    List<String> words = Names.words(title);
    return words.isEmpty() ? "asyncapi" : String.join("-", words).toLowerCase(java.util.Locale.ROOT);
  }
}
