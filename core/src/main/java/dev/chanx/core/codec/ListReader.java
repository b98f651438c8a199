package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a JSON array with an element reader, then checks {@code minItems} and {@code maxItems}.
 * The list it returns is unmodifiable and may hold nulls when the elements are nullable.
 *
 * @param <T> the element type
 */
public final class ListReader<T> implements ValueReader<List<T>>, StreamReader<List<T>> {

  private final ValueReader<T> item;
  private final StreamReader<T> streamItem;
  private final Integer minItems;
  private final Integer maxItems;

  ListReader(ValueReader<T> item, StreamReader<T> streamItem, Integer minItems, Integer maxItems) {
    this.item = item;
    this.streamItem = streamItem;
    this.minItems = minItems;
    this.maxItems = maxItems;
  }

  /**
   * {@code minItems}.
   *
   * @param value the bound on the number of items
   * @return a reader like this one with the bound
   */
  public ListReader<T> minItems(int value) {
    return new ListReader<>(item, streamItem, value, maxItems);
  }

  /**
   * {@code maxItems}.
   *
   * @param value the bound on the number of items
   * @return a reader like this one with the bound
   */
  public ListReader<T> maxItems(int value) {
    return new ListReader<>(item, streamItem, minItems, value);
  }

  /**
   * Reads the elements straight from a parser with {@code item}; without it, a list read from a
   * parser is read as a tree.
   *
   * @param item reads an element from a parser as the element reader does from a tree
   * @return a reader like this one that reads elements from a parser with {@code item}
   */
  public ListReader<T> streaming(StreamReader<T> item) {
    return new ListReader<>(this.item, item, minItems, maxItems);
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

  @Override
  public List<T> read(JsonParser json) throws IOException {
    if (streamItem == null) {
      return Tokens.tree(json, this);
    }
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw StreamMiss.INSTANCE;
    }
    List<T> list = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      list.add(streamItem.read(json));
    }
    return Collections.unmodifiableList(Tokens.checked(list, minItems, maxItems));
  }
}
