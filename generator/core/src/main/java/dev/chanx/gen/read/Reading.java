package dev.chanx.gen.read;

import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document as read, problems or not: the model of what could be read, every problem, and which
 * channel each problem belongs to, so that one bad channel need not sink the others.
 */
public final class Reading {

  private final String root;
  private final ApiModel model;
  private final List<SpecProblem> problems;
  private final DocumentSet docs;
  private final Map<String, List<String>> places;

  Reading(String root, ApiModel model, List<SpecProblem> problems, DocumentSet docs,
      Map<String, List<String>> places) {
    this.root = root;
    this.model = model;
    this.problems = List.copyOf(problems);
    this.docs = docs;
    this.places = places;
  }

  /** A document that could not be read far enough for a model. */
  static Reading failed(String root, List<SpecProblem> problems) {
    return new Reading(root, null, problems, null, Map.of());
  }

  /** The model of every channel read, including those with problems; null when reading stopped early. */
  public ApiModel model() {
    return model;
  }

  /** Every problem, in file and line order. */
  public List<SpecProblem> problems() {
    return problems;
  }

  /**
   * A problem found in the model (by code generation, which knows canonical pointers only: {@code
   * /components/...} in the root file, {@code other.yaml#/...} in another) as the reader names
   * problems: in its own file, with its line.
   */
  public SpecProblem locate(SpecProblem problem) {
    if (docs == null || problem.line() > 0 || !problem.file().equals(root)) {
      return problem;
    }
    String file = root;
    String pointer = problem.pointer();
    int hash = pointer.indexOf('#');
    if (hash >= 0) {
      file = pointer.substring(0, hash);
      pointer = pointer.substring(hash + 1);
    }
    SourceDoc doc = docs.named(file);
    return doc == null ? problem
        : new SpecProblem(file, pointer, doc.lines().line(pointer), problem.message(), problem.hint());
  }

  /**
   * The keys of the model's channels a problem is about: those whose channel objects, operations,
   * messages or schemas hold the place it names. None when it is about no channel in particular
   * (the document's info, or a schema no channel's messages reach by reference), which then
   * concerns the whole document.
   */
  public Set<String> channelsOf(SpecProblem problem) {
    String at = problem.file().equals(root) ? problem.pointer() : problem.file() + "#" + problem.pointer();
    Set<String> out = new LinkedHashSet<>();
    places.forEach((channel, list) -> {
      for (String place : list) {
        if (!place.isEmpty() && (at.equals(place) || at.startsWith(place + "/"))) {
          out.add(channel);
          return;
        }
      }
    });
    return out;
  }

  /** The places of each channel: what {@link #channelsOf} looks in. */
  static Map<String, List<String>> places(List<ChannelDraft> channels, Map<String, Schema> named) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ChannelDraft channel : channels) {
      Set<String> places = new LinkedHashSet<>(channel.places);
      List<OperationDraft> operations = new ArrayList<>(channel.receives);
      operations.addAll(channel.sends);
      Set<String> seen = new HashSet<>();
      for (OperationDraft op : operations) {
        places.add(op.pointer());
        List<MessageUse> uses = new ArrayList<>(op.messages());
        uses.addAll(op.replies());
        for (MessageUse use : uses) {
          places.add(use.entry().canonical());
          places.add(use.message().pointer());
          schema(use.message().payload(), named, places, seen);
        }
      }
      channel.declared.values().forEach(use -> places.add(use.entry().canonical()));
      channel.parameters.forEach(p -> schema(p.schema(), named, places, seen));
      if (channel.query != null) {
        schema(channel.query, named, places, seen);
      }
      out.put(channel.key, new ArrayList<>(places));
    }
    return out;
  }

  private static void schema(Schema schema, Map<String, Schema> named, Set<String> places, Set<String> seen) {
    if (schema == null) {
      return;
    }
    places.add(schema.pointer());
    if (schema.ref() != null) {
      if (seen.add(schema.ref())) {
        places.add(schema.ref());
        schema(named.get(schema.ref()), named, places, seen);
      }
      return;
    }
    schema.properties().values().forEach(s -> schema(s, named, places, seen));
    schema(schema.items(), named, places, seen);
    schema(schema.additionalProperties(), named, places, seen);
    schema.oneOf().forEach(s -> schema(s, named, places, seen));
    schema.anyOf().forEach(s -> schema(s, named, places, seen));
  }
}
