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
 */
record Limits(int maxFrameSize, int maxJsonDepth, int maxStringLength, int maxNumberLength,
    int maxConnections, int maxQueuedFrames, long maxQueuedBytes) {

  /** Jackson's own default; a deeper limit would let recursive readers overflow the stack. */
  static final int DEEPEST_JSON = 1000;

  /** The defaults: 64 KiB frames, depth 32, 64 Ki characters, 100 digits, 10,000 sockets, 1024 frames or 1 MiB queued. */
  static final Limits DEFAULTS = new Limits(64 * 1024, 32, 64 * 1024, 100, 10_000, 1024, 1024 * 1024);

  Limits {
    positive("maxFrameSize", maxFrameSize);
    positive("maxJsonDepth", maxJsonDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxNumberLength", maxNumberLength);
    positive("maxConnections", maxConnections);
    positive("maxQueuedFrames", maxQueuedFrames);
    positive("maxQueuedBytes", maxQueuedBytes);
    if (maxJsonDepth > DEEPEST_JSON) {
      throw new IllegalArgumentException("maxJsonDepth must be at most " + DEEPEST_JSON + ": " + maxJsonDepth);
    }
  }

  Limits withMaxFrameSize(int bytes) {
    return new Limits(bytes, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames, maxQueuedBytes);
  }

  Limits withMaxJsonDepth(int depth) {
    return new Limits(maxFrameSize, depth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames, maxQueuedBytes);
  }

  Limits withMaxStringLength(int chars) {
    return new Limits(maxFrameSize, maxJsonDepth, chars, maxNumberLength, maxConnections, maxQueuedFrames, maxQueuedBytes);
  }

  Limits withMaxNumberLength(int chars) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, chars, maxConnections, maxQueuedFrames, maxQueuedBytes);
  }

  Limits withMaxConnections(int sockets) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, sockets, maxQueuedFrames, maxQueuedBytes);
  }

  Limits withMaxQueuedFrames(int frames) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, frames, maxQueuedBytes);
  }

  Limits withMaxQueuedBytes(long bytes) {
    return new Limits(maxFrameSize, maxJsonDepth, maxStringLength, maxNumberLength, maxConnections, maxQueuedFrames, bytes);
  }

  /** One line for the start-up log. */
  String describe() {
    return "frames up to " + maxFrameSize + " B, JSON depth " + maxJsonDepth + ", strings " + maxStringLength
        + " chars, numbers " + maxNumberLength + " digits, " + maxConnections + " sockets, " + maxQueuedFrames
        + " frames or " + maxQueuedBytes + " B queued per socket";
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
