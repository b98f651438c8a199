package dev.chanx.core.codec;

/**
 * Says that a frame is not one the stream readers take: something is invalid, unusual (a key
 * out of the usual order, a key no schema names) or needs the exact path. The frame is then
 * read as a tree, which reports every problem. One shared instance without a stack trace: it
 * is a signal, not an error, and must cost nothing to throw.
 */
public final class StreamMiss extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final StreamMiss INSTANCE = new StreamMiss();

  private StreamMiss() {
    super("the frame takes the tree path", null, false, false);
  }
}
