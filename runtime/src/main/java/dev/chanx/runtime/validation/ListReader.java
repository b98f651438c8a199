package dev.chanx.runtime.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a JSON array with an element reader, then checks {@code minItems} and {@code maxItems}.
 * The list it returns is unmodifiable and may hold nulls when the elements are nullable.
 *
 * @param <T> the element type
 */
public final class ListReader<T> implements ValueReader<List<T>> {

  private final ValueReader<T> item;
  private final Integer minItems;
  private final Integer maxItems;

  ListReader(ValueReader<T> item, Integer minItems, Integer maxItems) {
    this.item = item;
    this.minItems = minItems;
    this.maxItems = maxItems;
  }

  /**
   * {@code minItems}.
   *
   * @param value the bound on the number of items
   * @return this reader
   */
  public ListReader<T> minItems(int value) {
    return new ListReader<>(item, value, maxItems);
  }

  /**
   * {@code maxItems}.
   *
   * @param value the bound on the number of items
   * @return this reader
   */
  public ListReader<T> maxItems(int value) {
    return new ListReader<>(item, minItems, value);
  }

  @Override
  public List<T> read(JsonNode value, Loc at, Problems problems) {
    if (!value.isArray()) {
      problems.add(at, "list_type", "Input should be a valid list");
      return null;
    }
    int errors = problems.count();
    List<T> list = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      list.add(item.read(value.get(i), at.index(i), problems));
    }
    if (problems.count() != errors) {
      return null;
    }
    // Pydantic counts after validating the elements, and says so.
    if (minItems != null && list.size() < minItems) {
      problems.add(at, "too_short", "List should have at least " + Texts.count(minItems, "item")
          + " after validation, not " + list.size());
      return null;
    }
    if (maxItems != null && list.size() > maxItems) {
      problems.add(at, "too_long", "List should have at most " + Texts.count(maxItems, "item")
          + " after validation, not " + list.size());
      return null;
    }
    return Collections.unmodifiableList(list);
  }
}
