package dev.chanx.server;

import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * How recovering one group went for a reconnecting client, decided from the position it presented
 * and the group's history: what the {@code recovery} frame says and which frames to replay.
 *
 * @param group the group's name on the wire
 * @param status {@code new} (no position presented), {@code recovered} or {@code failed}
 * @param reason why it failed ({@code epoch_changed}, {@code window_exceeded}, {@code
 *     unknown_position}), or null
 * @param position where the client stands once told: the frames after it follow
 * @param head the group's last offset, which the client stands at once the replay is over
 * @param replay the frames it missed, oldest first
 */
record RecoveryOutcome(String group, String status, String reason, Position position, Position head,
    List<HistoryRead.Entry> replay) {

  static final String NEW = "new";
  static final String RECOVERED = "recovered";
  static final String FAILED = "failed";
  /** Why a recovery failed when the history could not be read at all: the socket is closed with 1013. */
  static final String UNAVAILABLE = "unavailable";

  /** Decides for a group from the position presented (or null) and what the layer read. */
  static RecoveryOutcome decide(String group, Position presented, HistoryRead read) {
    Position head = new Position(read.epoch(), read.head());
    if (presented == null) {
      return new RecoveryOutcome(group, NEW, null, head, head, List.of());
    }
    if (!presented.epoch().equals(read.epoch())) {
      return failed(group, "epoch_changed", head);
    }
    if (presented.offset() > read.head()) {
      return failed(group, "unknown_position", head);
    }
    long missed = read.head() - presented.offset();
    List<HistoryRead.Entry> frames = read.frames();
    boolean whole = frames.size() == missed
        && (missed == 0 || frames.get(0).offset() == presented.offset() + 1);
    if (!whole) {
      return failed(group, "window_exceeded", head);
    }
    return new RecoveryOutcome(group, RECOVERED, null, presented, head, new ArrayList<>(frames));
  }

  private static RecoveryOutcome failed(String group, String reason, Position head) {
    return new RecoveryOutcome(group, FAILED, reason, head, head, List.of());
  }
}
