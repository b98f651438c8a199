package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.Position;
import java.util.List;

/**
 * The {@code recovery} frame a recoverable channel sends after {@code onConnect}, and again when
 * a layer tells of a group's history lost while connected (see {@code RecoveryNotice}):
 * <pre>{"action":"recovery","payload":{"room1":{"status":"recovered","epoch":"k3x9qa","offset":38,"missed":4}}}</pre>
 */
final class RecoveryFrames {

  /** The query parameter in which a reconnecting client presents its last positions. */
  static final String PARAMETER = "chanx_recover";

  private RecoveryFrames() {}

  /** The frame telling how each group's recovery went. */
  static TextFrame of(List<RecoveryOutcome> outcomes) {
    StringBuilder out = new StringBuilder(64 + 80 * outcomes.size()).append("{\"action\":\"recovery\",\"payload\":{");
    for (int i = 0; i < outcomes.size(); i++) {
      RecoveryOutcome outcome = outcomes.get(i);
      if (i > 0) {
        out.append(',');
      }
      group(out, outcome.group(), outcome.status(), outcome.reason(), outcome.position());
      if (RecoveryOutcome.RECOVERED.equals(outcome.status())) {
        out.setLength(out.length() - 1);
        out.append(",\"missed\":").append(outcome.replay().size()).append('}');
      }
    }
    return TextFrame.of(out.append("}}").toString());
  }

  private static void group(StringBuilder out, String group, String status, String reason, Position position) {
    out.append(FramePositions.quoted(group)).append(":{\"status\":\"").append(status).append('"');
    if (reason != null) {
      out.append(",\"reason\":\"").append(reason).append('"');
    }
    out.append(",\"epoch\":").append(FramePositions.quoted(position.epoch()))
        .append(",\"offset\":").append(position.offset()).append('}');
  }
}
