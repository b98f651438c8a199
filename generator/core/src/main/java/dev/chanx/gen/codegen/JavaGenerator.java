package dev.chanx.gen.codegen;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.Target;
import dev.chanx.gen.model.ApiModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Generates the Java for every channel of a model: the server's side, a Java client's, or both. */
public final class JavaGenerator {

  private JavaGenerator() {}

  /**
   * Generates the server-side Java sources, one package per channel under {@code basePackage}.
   *
   * @return the files, in a deterministic order
   * @throws SpecException when names taken from the document collide or a construct cannot be
   *     generated
   */
  public static List<GeneratedFile> generate(ApiModel model, String basePackage) throws SpecException {
    return generate(model, basePackage, Set.of(Target.SERVER));
  }

  /**
   * Generates the Java sources of the Java targets among {@code targets} ({@link Target#SERVER},
   * {@link Target#JAVA_CLIENT}), one package per channel under {@code basePackage}; both share the
   * records and message types. Other targets are ignored.
   *
   * @return the files, in a deterministic order; none when no Java target is asked for
   * @throws SpecException when names taken from the document collide or a construct cannot be
   *     generated
   */
  public static List<GeneratedFile> generate(ApiModel model, String basePackage, Set<Target> targets)
      throws SpecException {
    ChannelPlanner.Sides sides = new ChannelPlanner.Sides(
        targets.contains(Target.SERVER), targets.contains(Target.JAVA_CLIENT));
    if (!sides.server() && !sides.client()) {
      return List.of();
    }
    List<ChannelPlan> plans = ChannelPlans.plan(model, basePackage, sides);
    FileHeader header = new FileHeader(model.source());
    List<GeneratedFile> files = new ArrayList<>();
    for (ChannelPlan plan : plans) {
      files.addAll(ChannelFiles.write(plan, header, TopicAccessors.carried(plan, plans)));
    }
    files.sort(Comparator.comparing(GeneratedFile::relativePath));
    return List.copyOf(files);
  }
}
