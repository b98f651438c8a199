package dev.chanx.gen.codegen;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    List<SpecProblem> problems = new ArrayList<>();
    Map<String, Channel> byPackage = new HashMap<>();
    List<ChannelPlan> plans = new ArrayList<>();
    for (Channel channel : model.channels()) {
      String segment = Names.packageSegment(channel.key());
      Channel other = byPackage.putIfAbsent(segment, channel);
      if (other != null) {
        problems.add(new SpecProblem(model.source(), channel.pointer(), 0,
            "channel '" + channel.key() + "' can't be generated: channel '" + other.key()
                + "' already maps to package '" + segment + "'",
            "Rename one of the two channel keys so that they differ in more than case and punctuation."));
        continue;
      }
      plans.add(ChannelPlanner.plan(model, channel, basePackage + "." + segment, problems));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    FileHeader header = new FileHeader(model.source());
    List<GeneratedFile> files = new ArrayList<>();
    for (ChannelPlan plan : plans) {
      files.addAll(ChannelFiles.write(plan, header));
    }
    files.sort(Comparator.comparing(GeneratedFile::relativePath));
    return List.copyOf(files);
  }
}
