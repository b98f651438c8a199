package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Recovery;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

/**
 * Reads a channel's {@code x-chanx} extension, the runtime's settings that the document carries:
 * <pre>
 * x-chanx:
 *   recovery:
 *     window: PT2M   # ISO-8601 duration, positive
 *     size: 1000     # 1 to 1,000,000 frames per group
 *     direct: true   # optional: the frames sent to one connection are recoverable too
 * </pre>
 * A key it does not know is an error, not silently ignored.
 */
final class ChanxExtension {

  static final String KEY = "x-chanx";
  private static final int MAX_SIZE = 1_000_000;

  private ChanxExtension() {}

  /** The channel's recovery, or null when it declares none (or declares it wrongly: a problem says why). */
  static Recovery recovery(ReadContext ctx, Location channel) {
    JsonNode extension = channel.node().get(KEY);
    if (extension == null) {
      return null;
    }
    Location where = channel.child(KEY);
    if (!extension.isObject()) {
      ctx.problems.at(where, KEY + " must be an object", "Write x-chanx: {recovery: {window: PT2M, size: 1000}}.");
      return null;
    }
    for (Iterator<String> names = extension.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      // presence is read (and checked) by PresenceFrames, before the document is.
      if (!name.equals("recovery") && !name.equals("presence")) {
        ctx.problems.at(where.child(name), KEY + " has no setting '" + name + "'",
            "The settings are: recovery, presence.");
      }
    }
    JsonNode recovery = extension.get("recovery");
    if (recovery == null) {
      return null;
    }
    Location at = where.child("recovery");
    if (!recovery.isObject()) {
      ctx.problems.at(at, "x-chanx.recovery must be an object", "Write recovery: {window: PT2M, size: 1000}.");
      return null;
    }
    Duration window = null;
    Integer size = null;
    boolean direct = false;
    for (Iterator<String> names = recovery.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = recovery.get(name);
      switch (name) {
        case "window" -> window = window(ctx, at.child(name), value);
        case "size" -> {
          if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 1
              && value.intValue() <= MAX_SIZE) {
            size = value.intValue();
          } else {
            ctx.problems.at(at.child(name), "x-chanx.recovery.size must be an integer from 1 to " + MAX_SIZE
                + ", not " + value, "How many frames each group keeps, such as 1000.");
          }
        }
        case "direct" -> {
          if (value.isBoolean()) {
            direct = value.booleanValue();
          } else {
            ctx.problems.at(at.child(name), "x-chanx.recovery.direct must be true or false, not " + value,
                "Whether the frames sent to one connection are recoverable too.");
          }
        }
        default -> ctx.problems.at(at.child(name), "x-chanx.recovery has no setting '" + name + "'",
            "The settings are: window, size, direct.");
      }
    }
    if (!recovery.has("window") || !recovery.has("size")) {
      ctx.problems.at(at, "x-chanx.recovery needs both window and size",
          "Write recovery: {window: PT2M, size: 1000}.");
      return null;
    }
    return window == null || size == null ? null : new Recovery(window, size, direct);
  }

  private static Duration window(ReadContext ctx, Location where, JsonNode value) {
    if (value.isTextual()) {
      try {
        Duration window = Duration.parse(value.asText());
        if (!window.isNegative() && !window.isZero()) {
          return window;
        }
      } catch (DateTimeParseException e) {
        // Reported below.
      }
    }
    ctx.problems.at(where, "x-chanx.recovery.window must be a positive ISO-8601 duration, not " + value,
        "How long a frame stays recoverable, such as PT2M for two minutes.");
    return null;
  }
}
