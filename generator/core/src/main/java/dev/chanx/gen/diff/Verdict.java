package dev.chanx.gen.diff;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a change breaks: any of existing clients, existing servers and the generated Java API;
 * none of them means safe.
 *
 * @param breaks the audiences the change breaks, in {@link Audience} order
 */
public record Verdict(Set<Audience> breaks) {

  /** Nothing breaks. */
  public static final Verdict SAFE = new Verdict(EnumSet.noneOf(Audience.class));

  public Verdict {
    breaks = breaks.isEmpty() ? Collections.emptySet()
        : Collections.unmodifiableSet(EnumSet.copyOf(breaks));
  }

  /** {@return a verdict breaking exactly these audiences} */
  public static Verdict of(Audience... audiences) {
    EnumSet<Audience> set = EnumSet.noneOf(Audience.class);
    Collections.addAll(set, audiences);
    return new Verdict(set);
  }

  /** {@return whether nothing breaks} */
  public boolean isSafe() {
    return breaks.isEmpty();
  }

  /** {@return whether the change breaks this audience} */
  public boolean breaks(Audience audience) {
    return breaks.contains(audience);
  }

  /** {@return whether it breaks any of these audiences} */
  public boolean breaksAny(Set<Audience> audiences) {
    return breaks.stream().anyMatch(audiences::contains);
  }

  /** {@return what either verdict breaks} */
  public Verdict and(Verdict other) {
    EnumSet<Audience> set = EnumSet.noneOf(Audience.class);
    set.addAll(breaks);
    set.addAll(other.breaks);
    return new Verdict(set);
  }

  /** {@return this verdict with the API audience set or cleared} */
  public Verdict withApi(boolean api) {
    EnumSet<Audience> set = EnumSet.noneOf(Audience.class);
    set.addAll(breaks);
    if (api) {
      set.add(Audience.API);
    } else {
      set.remove(Audience.API);
    }
    return new Verdict(set);
  }

  /** {@return {@code safe}, or {@code breaks clients, api}} */
  @Override
  public String toString() {
    return isSafe() ? "safe"
        : "breaks " + breaks.stream().map(Audience::id).collect(Collectors.joining(", "));
  }
}
