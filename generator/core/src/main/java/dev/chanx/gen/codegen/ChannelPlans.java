package dev.chanx.gen.codegen;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plans every channel of a model, one package each, collecting every problem before failing. */
final class ChannelPlans {

  private ChannelPlans() {}

  /**
   * The plans of the model's channels, in document order.
   *
   * @throws SpecException when names taken from the document collide or a construct cannot be
   *     generated
   */
  static List<ChannelPlan> plan(ApiModel model, String basePackage, ChannelPlanner.Sides sides)
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
      plans.add(ChannelPlanner.plan(model, channel, basePackage + "." + segment, problems, sides));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return plans;
  }
}
