package dev.chanx.gen.diff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every change between two documents, in a stable order: the document's own fields, then each
 * channel of the old document in its order (a removed one where it was), then channels added.
 *
 * @param oldFile the old document's file name
 * @param newFile the new document's file name
 * @param role which application both documents describe, as they were read
 * @param changes the changes, each once
 */
public record DiffReport(String oldFile, String newFile, dev.chanx.gen.Role role, List<Change> changes) {

  public DiffReport {
    changes = List.copyOf(changes);
  }

  /** {@return what all the changes together break} */
  public Verdict verdict() {
    Verdict all = Verdict.SAFE;
    for (Change c : changes) {
      all = all.and(c.verdict());
    }
    return all;
  }

  /** {@return the changes that break any of these audiences, in order} */
  public List<Change> breaking(Set<Audience> failOn) {
    return changes.stream().filter(c -> c.verdict().breaksAny(failOn)).toList();
  }

  /** {@return how many changes break this audience} */
  public long count(Audience audience) {
    return changes.stream().filter(c -> c.verdict().breaks(audience)).count();
  }

  /** {@return whether a change breaks any audience of {@code failOn}} */
  public boolean fails(Set<Audience> failOn) {
    return !breaking(failOn).isEmpty();
  }

  /** {@return every audience} */
  public static Set<Audience> allAudiences() {
    return EnumSet.allOf(Audience.class);
  }
}
