package dev.chanx.server.telemetry;

/**
 * One client frame being handled, from {@link ChannelTelemetry#frame} to {@link #close()}: its outcome
 * is ok unless {@link #invalid} or {@link #failed} says otherwise. Used by one thread.
 */
public interface FrameScope extends AutoCloseable {

  /** Watches nothing. */
  FrameScope NONE = new FrameScope() {};

  /**
   * The frame broke a rule: not JSON, or not valid for its message; called once per problem.
   *
   * @param rule the problem's code, such as {@code missing}, {@code string_type} or {@code json_invalid}
   */
  default void invalid(String rule) {}

  /**
   * The handler threw.
   *
   * @param error what it threw
   */
  default void failed(Throwable error) {}

  /** The frame is done: its reply, if any, is queued. */
  @Override
  default void close() {}
}
