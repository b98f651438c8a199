package dev.chanx.server;

/** A JVM shutdown hook (run on SIGTERM, SIGINT or a normal exit) that stops one server gracefully. */
final class ShutdownHook {

  private final Thread thread;

  ShutdownHook(Runnable stop) {
    this.thread = new Thread(stop, "chanx-stop");
  }

  void register() {
    Runtime.getRuntime().addShutdownHook(thread);
  }

  /** Removes the hook after an explicit stop; a no-op from the hook itself or once the JVM is exiting. */
  void unregister() {
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException exiting) {
      // The JVM is already running its hooks: this one stops the server too.
    }
  }
}
