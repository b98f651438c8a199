package dev.chanx.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A registry's meters as sorted {@code name{tag=value,...}} lines, for exact comparisons. */
final class Series {

  private Series() {}

  static Set<String> of(MeterRegistry registry) {
    Set<String> series = new TreeSet<>();
    for (Meter meter : registry.getMeters()) {
      series.add(meter.getId().getName() + meter.getId().getTags().stream()
          .map(Tag::toString).collect(Collectors.joining(",", "{", "}")));
    }
    return series;
  }
}
