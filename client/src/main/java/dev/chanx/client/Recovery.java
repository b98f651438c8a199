package dev.chanx.client;

/**
 * How recovering one group went when the client connected, from the server's {@code recovery}
 * frame: on a channel whose group sends are recoverable, the client presents the last position it
 * got in each group when it reconnects, and the server replays what it missed or says why not.
 *
 * @param group the group's name
 * @param status {@code new} (nothing to recover: the first connection), {@code recovered} (the
 *     missed frames follow, then live ones) or {@code failed}
 * @param reason why it failed: {@code epoch_changed} (the group's history was lost),
 *     {@code window_exceeded} (the frames missed are no longer kept), {@code unknown_position};
 *     null unless failed
 * @param missed how many missed frames follow, when recovered
 */
public record Recovery(String group, String status, String reason, long missed) {

  /**
   * Whether frames may have been missed: the application should reload what it shows of the group.
   *
   * @return true when the status is {@code failed}
   */
  public boolean failed() {
    return "failed".equals(status);
  }
}
