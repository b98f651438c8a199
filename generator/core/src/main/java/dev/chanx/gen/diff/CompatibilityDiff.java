package dev.chanx.gen.diff;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.read.SourceLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two versions of a document and says, for every change, whether it breaks existing
 * clients, existing servers, or the generated Java API. The documents are compared as read
 * ({@code $ref}s followed, {@code allOf} merged, AsyncAPI 2 and 3 alike), schemas by the values
 * they accept and in which direction the frames travel; the API verdict is checked against the
 * declarations the generator writes for each channel.
 */
public final class CompatibilityDiff {

  private CompatibilityDiff() {}

  /**
   * Reads and checks both documents, then compares them.
   *
   * @throws SpecException when either document has problems (the old one's first)
   */
  public static DiffReport compare(Path oldDocument, Path newDocument, DiffOptions options) throws SpecException {
    ApiModel before = ChanxGenerator.check(oldDocument, options.check());
    ApiModel after = ChanxGenerator.check(newDocument, options.check());
    return compare(oldDocument, before, newDocument, after, options);
  }

  /** Compares two documents already read and checked ({@link ChanxGenerator#check}). */
  public static DiffReport compare(Path oldDocument, ApiModel before, Path newDocument, ApiModel after,
      DiffOptions options) {
    Side oldSide = new Side(before, SourceLines.of(oldDocument));
    Side newSide = new Side(after, SourceLines.of(newDocument));
    List<Change> changes = new ArrayList<>(ChannelComparison.compare(oldSide, newSide, options));
    Map<Channel, Channel> pairs = ChannelComparison.pairs(before.channels(), after.channels());
    for (Map.Entry<Channel, Channel> pair : pairs.entrySet()) {
      apiVerdicts(changes, oldSide, newSide, pair.getKey(), pair.getValue());
    }
    return new DiffReport(oldDocument.getFileName().toString(), newDocument.getFileName().toString(),
        options.check().role(), merged(changes));
  }

  /**
   * Makes the API verdicts of one channel's changes what the generated code says: none when its
   * declarations are all still there, and a change of their own when the rules missed one.
   */
  private static void apiVerdicts(List<Change> changes, Side oldSide, Side newSide, Channel o, Channel n) {
    List<String> breaks = ApiSignatures.breaks(oldSide.model(), o, newSide.model(), n);
    if (breaks == null) {
      return; // not generated: the rules' verdicts stand
    }
    boolean flagged = false;
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      if (n.key().equals(c.channel()) && c.verdict().breaks(Audience.API)) {
        if (breaks.isEmpty()) {
          changes.set(i, c.with(c.verdict().withApi(false),
              c.why() + "; the generated Java API keeps every declaration"));
        } else {
          flagged = true;
        }
      }
    }
    if (!breaks.isEmpty() && !flagged) {
      for (String declaration : breaks) {
        changes.add(new Change("api.changed", n.key(), oldSide.place(o.pointer()), newSide.place(n.pointer()),
            "generated Java API: " + declaration,
            "code written against the old generated API no longer compiles", Verdict.of(Audience.API)));
      }
    }
  }

  /** The changes with one entry per kind and places, verdicts joined (a schema two messages share). */
  private static List<Change> merged(List<Change> changes) {
    Map<String, Change> byKey = new LinkedHashMap<>();
    for (Change c : changes) {
      String key = c.kind() + "|" + render(c.oldPlace()) + "|" + render(c.newPlace());
      Change before = byKey.get(key);
      byKey.put(key, before == null ? c : before.with(before.verdict().and(c.verdict()),
          before.why().equals(c.why()) ? before.why() : before.why() + "; " + c.why()));
    }
    return new ArrayList<>(byKey.values());
  }

  private static String render(Place p) {
    return p == null ? "-" : p.file() + "#" + p.pointer();
  }
}
