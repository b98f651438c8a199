package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The last position the client got in each recoverable group: taken from the {@code pos} key of
 * each frame and from {@code recovery} frames, presented as {@code chanx_recover} when it connects
 * again. Used on the client's thread and by reconnect attempts, so it is guarded by itself.
 */
final class Positions {

  static final String PARAMETER = "chanx_recover";

  private final ObjectNode last = JsonNodeFactory.instance.objectNode();

  /** Removes the frame's {@code pos} and notes it. */
  synchronized void take(ObjectNode frame) {
    JsonNode pos = frame.remove("pos");
    if (pos != null && pos.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = pos.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> group = it.next();
        note(group.getKey(), group.getValue());
      }
    }
  }

  /** Reads a {@code recovery} frame's payload: notes each group's position, returns each group's outcome. */
  synchronized List<Recovery> recovery(JsonNode payload) {
    List<Recovery> outcomes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> group = it.next();
      JsonNode value = group.getValue();
      note(group.getKey(), value);
      outcomes.add(new Recovery(group.getKey(), value.path("status").asText(),
          value.hasNonNull("reason") ? value.path("reason").asText() : null, value.path("missed").asLong()));
    }
    return outcomes;
  }

  /** {@code uri} with the positions to present, or as it is when there are none. */
  synchronized URI present(URI uri) {
    if (last.isEmpty()) {
      return uri;
    }
    return ClientAddress.withQuery(withoutParameter(uri), Map.of(PARAMETER, List.of(last.toString())));
  }

  private void note(String group, JsonNode position) {
    JsonNode epoch = position.path("epoch");
    JsonNode offset = position.path("offset");
    if (epoch.isTextual() && offset.isIntegralNumber()) {
      last.set(group, JsonNodeFactory.instance.objectNode().put("epoch", epoch.textValue())
          .put("offset", offset.longValue()));
    }
  }

  private static URI withoutParameter(URI uri) {
    String query = uri.getRawQuery();
    if (query == null || !query.contains(PARAMETER + "=")) {
      return uri;
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      if (!pair.startsWith(PARAMETER + "=")) {
        kept.append(kept.length() == 0 ? "" : "&").append(pair);
      }
    }
    String text = uri.toString();
    int question = text.indexOf('?');
    int fragment = text.indexOf('#');
    return URI.create(text.substring(0, question) + (kept.length() == 0 ? "" : "?" + kept)
        + (fragment < 0 ? "" : text.substring(fragment)));
  }
}
