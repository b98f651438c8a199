package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds two equal elements of an array, by JSON equality, for {@code uniqueItems}. */
final class Duplicates {

  private static final int PAIRWISE = 16;

  private Duplicates() {}

  /** {@return the indexes of the first two equal elements}, or null when all differ. */
  static int[] first(JsonNode array) {
    int size = array.size();
    if (size <= PAIRWISE) {
      for (int j = 1; j < size; j++) {
        for (int i = 0; i < j; i++) {
          if (Json.equal(array.get(i), array.get(j))) {
            return new int[] {i, j};
          }
        }
      }
      return null;
    }
    Map<Integer, List<Integer>> byHash = new HashMap<>();
    for (int j = 0; j < size; j++) {
      List<Integer> same = byHash.computeIfAbsent(Json.hash(array.get(j)), h -> new ArrayList<>(1));
      for (int i : same) {
        if (Json.equal(array.get(i), array.get(j))) {
          return new int[] {i, j};
        }
      }
      same.add(j);
    }
    return null;
  }
}
