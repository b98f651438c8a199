package dev.chanx.server;

/**
 * What one server allows a client: sizes of what it reads, how many sockets it holds, and how
 * much it queues for a socket that does not read.
 *
 * @param maxFrameSize the largest text message in bytes, after decompression; over it closes with 1009
 * @param maxJsonDepth the deepest nesting of arrays and objects in a frame
 * @param maxStringLength the longest string (or key) in a frame, in characters
 * @param maxNumberLength the longest number in a frame, in digits (a lone leading zero not counted)
 * @param maxConnections the most open sockets; further upgrades get HTTP 503 (or 1013 if they raced past)
 * @param maxQueuedFrames the most frames waiting to be written to one socket; over it closes with 1008
 * @param maxQueuedBytes the most bytes waiting to be written to one socket; over it closes with 1008
 * @param maxBinaryFrameSize the largest binary message in bytes, after decompression; over it closes with 1009
 */
record Limits(int maxFrameSize, int maxJsonDepth, int maxStringLength, int maxNumberLength,
    int maxConnections, int maxQueuedFrames, long maxQueuedBytes, int maxBinaryFrameSize) {

  /** Jackson's own default; a deeper limit would let recursive readers overflow the stack. */
  static final int DEEPEST_JSON = 1000;

  /**
   * The defaults: 64 KiB frames, depth 32, 64 Ki characters, 100 digits, 10,000 sockets, 1024 frames or 1 MiB
   * queued, 64 KiB binary frames.
   */
  static final Limits DEFAULTS = new Limits(64 * 1024, 32, 64 * 1024, 100, 10_000, 1024, 1024 * 1024);

  /** The limits with binary frames as large as text ones. */
  Limits(int maxFrameSize, int maxJsonDepth, int maxStringLength, int maxNumberLength, int maxConnections,
      int maxQueuedFrames, long maxQueuedBytes) {
    this(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames,
        maxQueuedBytes, 64 * 1024);
  }

  Limits {
    positive("maxFrameSize", maxFrameSize);
    positive("maxJsonDepth", maxJsonDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxNumberLength", maxNumberLength);
    positive("maxConnections", maxConnections);
    positive("maxQueuedFrames", maxQueuedFrames);
    positive("maxQueuedBytes", maxQueuedBytes);
    positive("maxBinaryFrameSize", maxBinaryFrameSize);
    if (maxJsonDepth > DEEPEST_JSON) {
      throw new IllegalArgumentException("maxJsonDepth must be at most " + DEEPEST_JSON + ": " + maxJsonDepth);
    }
  }

  Limits withMaxFrameSize(int bytes) {
    return new Limits(bytes, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames, maxQueuedBytes, maxBinaryFrameSize);
  }

  Limits withMaxJsonDepth(int depth) {
    return new Limits(maxFrameSize, depth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames, maxQueuedBytes, maxBinaryFrameSize);
  }

  Limits withMaxStringLength(int chars) {
    return new Limits(maxFrameSize, maxJsonDepth, chars, maxNumberLength, maxConnections, maxQueuedFrames, maxQueuedBytes, maxBinaryFrameSize);
  }

  Limits withMaxNumberLength(int chars) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, chars, maxConnections, maxQueuedFrames, maxQueuedBytes, maxBinaryFrameSize);
  }

  Limits withMaxConnections(int sockets) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, sockets, maxQueuedFrames, maxQueuedBytes, maxBinaryFrameSize);
  }

  Limits withMaxQueuedFrames(int frames) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, frames, maxQueuedBytes, maxBinaryFrameSize);
  }

  Limits withMaxQueuedBytes(long bytes) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames, bytes, maxBinaryFrameSize);
  }

  Limits withMaxBinaryFrameSize(int bytes) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames,
        maxQueuedBytes, bytes);
  }

  /** The largest frame Jetty reads whole: a binary message may be larger than a text one, or smaller. */
  int maxWireFrame() {
    return Math.max(maxFrameSize, maxBinaryFrameSize);
  }

  /** One line for the start-up log. */
  String describe() {
    return "frames up to " + maxFrameSize + " B, JSON depth " + maxJsonDepth + ", strings " + maxStringLength
        + " chars, numbers " + maxNumberLength + " digits, " + maxConnections + " sockets, " + maxQueuedFrames
        + " frames or " + maxQueuedBytes + " B queued per socket, binary frames up to " + maxBinaryFrameSize + " B";
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
