package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Follows {@code $ref}s within a file and across files. A pointer may pass through other
 * references on its way ({@code #/channels/chat/messages/ping} when {@code chat} is itself a
 * reference), and a chain of references ends at the first object that is not one.
 */
final class RefResolver {

  /** Where a reference leads: the canonical place and the node found there. */
  record Target(Location location, JsonNode node) {}

  private static final Pattern REMOTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final int MAX_HOPS = 64;

  private final DocumentSet docs;
  private final Problems problems;
  // The ref holders being followed right now, so that a missing file can name how it was reached.
  private final Deque<String> trail = new ArrayDeque<>();

  RefResolver(DocumentSet docs, Problems problems) {
    this.docs = docs;
    this.problems = problems;
  }

  static boolean isRef(JsonNode node) {
    return node != null && node.isObject() && node.has("$ref");
  }

  /** Marks that a caller follows the ref held at {@code holder} until {@link #leave()}. */
  void enter(Location holder) {
    trail.addLast(holder.display());
  }

  void leave() {
    trail.removeLast();
  }

  /** Follows the {@code $ref} held at {@code holder} one hop; null (with a problem) when it leads nowhere. */
  Target follow(Location holder, RefKind kind) {
    return follow(holder, kind, new LinkedHashSet<>());
  }

  /** Follows references from {@code start} until an object that is not one; {@code start} itself when it is none. */
  Target followAll(Location start, RefKind kind) {
    return followAll(start, kind, new LinkedHashSet<>());
  }

  /** Reports a chain of references that comes back to where it started. */
  void cycle(Location lastHolder, List<String> chain) {
    problems.atRef(lastHolder, "$ref '" + lastHolder.node().path("$ref").asText() + "' closes a cycle: "
        + String.join(" -> ", chain),
        "A chain of references must end at an object that is not itself only a reference.");
  }

  private Target followAll(Location start, RefKind kind, Set<String> visited) {
    Location here = start;
    JsonNode node = start.node();
    Location previous = null;
    while (isRef(node)) {
      if (!visited.add(here.canonical()) || visited.size() > MAX_HOPS) {
        List<String> chain = new ArrayList<>();
        boolean inCycle = false;
        for (String v : visited) {
          inCycle |= v.equals(here.canonical());
          if (inCycle) {
            chain.add(v);
          }
        }
        chain.add(here.canonical());
        cycle(previous == null ? here : previous, chain);
        return null;
      }
      trail.addLast(here.display());
      Target next;
      try {
        next = follow(here, kind, visited);
      } finally {
        trail.removeLast();
      }
      if (next == null) {
        return null;
      }
      previous = here;
      here = next.location();
      node = next.node();
    }
    return new Target(here, node);
  }

  private Target follow(Location holder, RefKind kind, Set<String> visited) {
    JsonNode refNode = holder.node().get("$ref");
    if (!refNode.isTextual()) {
      problems.atRef(holder, "$ref must be a string", "Write it as $ref: '" + kind.usualPlace + "/Name'.");
      return null;
    }
    String ref = refNode.asText();
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = Pointer.percentDecode(hash < 0 ? "" : ref.substring(hash + 1));
    if (REMOTE.matcher(file).matches() && !file.matches("^[A-Za-z]:[\\\\/].*")) {
      problems.atRef(holder, "$ref '" + ref + "' points outside the local files, which are the only ones read",
          "Download the file and refer to it by a path relative to " + holder.doc().name() + ".");
      return null;
    }
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      problems.atRef(holder, "$ref '" + ref + "' has a fragment that is not a JSON pointer",
          "Write it as '" + file + kind.usualPlace + "/Name'.");
      return null;
    }
    SourceDoc doc = holder.doc();
    if (!file.isEmpty()) {
      DocumentSet.Loaded loaded = docs.load(holder.doc(), Pointer.percentDecode(file));
      if (loaded.status() == DocumentSet.Status.MISSING) {
        missingFile(holder, ref, loaded.name());
        return null;
      }
      if (loaded.status() == DocumentSet.Status.BROKEN) {
        return null; // the file's own problem says why
      }
      doc = loaded.doc();
    }
    return walk(holder, ref, kind, doc, file, pointer, visited);
  }

  private Target walk(Location holder, String ref, RefKind kind, SourceDoc doc, String file,
      String pointer, Set<String> visited) {
    List<String> tokens = Pointer.tokens(pointer);
    Location here = doc.at("");
    JsonNode node = doc.root();
    for (int i = 0; i < tokens.size(); i++) {
      if (isRef(node)) {
        Target through = followAll(here, kind, visited);
        if (through == null) {
          return null;
        }
        here = through.location();
        node = through.node();
      }
      String token = tokens.get(i);
      JsonNode next = node.isArray() ? (token.matches("\\d+") ? node.get(Integer.parseInt(token)) : null)
          : node.get(token);
      if (next == null) {
        leadsNowhere(holder, ref, kind, file, tokens, i, node);
        return null;
      }
      here = here.child(token);
      node = next;
    }
    return new Target(here, node);
  }

  private void leadsNowhere(Location holder, String ref, RefKind kind, String file,
      List<String> tokens, int failed, JsonNode container) {
    StringBuilder written = new StringBuilder();
    for (int i = 0; i < failed; i++) {
      written.append('/').append(tokens.get(i).replace("~", "~0").replace("/", "~1"));
    }
    String hint = null;
    boolean last = failed == tokens.size() - 1;
    if (last && container.isObject()) {
      List<String> names = new ArrayList<>();
      container.fieldNames().forEachRemaining(names::add);
      String close = Suggest.closest(tokens.get(failed), names);
      if (close != null) {
        hint = "Did you mean '" + file + "#" + Pointer.append(written.toString(), close) + "'?";
      } else if (!names.isEmpty() && failed > 0 && fits(kind, tokens.get(failed - 1))) {
        hint = "Point it at an existing " + kind.noun + ", such as one under " + file + "#" + written + ".";
      }
    }
    if (hint == null) {
      hint = "Point it at an existing " + kind.noun + ", such as one under " + file + kind.usualPlace + ".";
    }
    problems.atRef(holder, "$ref '" + ref + "' leads nowhere", hint);
  }

  /** Whether a container such as {@code messages} holds what the ref should reach. */
  private static boolean fits(RefKind kind, String container) {
    String usual = Pointer.last(kind.usualPlace.substring(1));
    return container.equals(usual)
        || kind == RefKind.SCHEMA && (container.equals("$defs") || container.equals("definitions"));
  }

  private void missingFile(Location holder, String ref, String name) {
    List<String> chain = new ArrayList<>(trail);
    if (chain.isEmpty() || !chain.get(chain.size() - 1).equals(holder.display())) {
      chain.add(holder.display());
    }
    String through = chain.size() > 1 ? " (reached through " + String.join(" -> ", chain) + ")" : "";
    problems.atRef(holder, "$ref '" + ref + "' names a file that does not exist: " + name + through,
        "A $ref path is relative to the file that holds it, here " + holder.doc().name() + ".");
  }
}
