package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chanx.server.layer.Position;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the positions a reconnecting client presents in the {@code chanx_recover} query parameter:
 * the {@code pos} object of the frames it got, merged, such as
 * {@code {"room1":{"epoch":"k3x9qa","offset":17}}}.
 */
final class RecoveryQuery {

  private static final ObjectReader READER = JsonMapper.builder().build().reader();
  // A query parameter is a few hundred bytes at most in practice; anything far larger is refused.
  private static final int MAX_LENGTH = 16 * 1024;

  private RecoveryQuery() {}

  /**
   * {@return the positions by group name; empty when none are presented}
   *
   * @throws IllegalArgumentException saying what is wrong with the parameter; the upgrade gets 400
   */
  static Map<String, Position> parse(Optional<String> parameter) {
    if (parameter.isEmpty() || parameter.get().isEmpty()) {
      return Map.of();
    }
    String text = parameter.get();
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(RecoveryFrames.PARAMETER + " is longer than " + MAX_LENGTH + " characters");
    }
    JsonNode root;
    try {
      root = READER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(RecoveryFrames.PARAMETER + " is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(RecoveryFrames.PARAMETER + " must be a JSON object of positions by group");
    }
    Map<String, Position> positions = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> group = it.next();
      JsonNode epoch = group.getValue().path("epoch");
      JsonNode offset = group.getValue().path("offset");
      if (!epoch.isTextual() || epoch.asText().isEmpty() || !offset.canConvertToLong() || !offset.isIntegralNumber()
          || offset.asLong() < 0) {
        throw new IllegalArgumentException(RecoveryFrames.PARAMETER + ": the position of group '" + group.getKey()
            + "' needs a non-empty string epoch and a non-negative integer offset");
      }
      positions.put(group.getKey(), new Position(epoch.asText(), offset.asLong()));
    }
    return positions;
  }
}
