package dev.chanx.example;

import dev.chanx.example.system.JobQueued;
import dev.chanx.example.system.JobResult;
import dev.chanx.example.system.PingMessage;
import dev.chanx.example.system.PongMessage;
import dev.chanx.example.system.SystemHandler;
import dev.chanx.example.system.SystemMessage;
import dev.chanx.example.system.SystemPath;
import dev.chanx.example.system.SystemPublisher;
import dev.chanx.example.system.SystemServerMessage;
import dev.chanx.example.system.TaskPayload;
import dev.chanx.server.channel.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The tutorial's background jobs: a task is answered with {@code job_queued} at once, and its
 * result is pushed later, from another thread, to the connection that queued it. Every
 * connection also joins the {@value #EVERYONE} group, where system notifications are pushed.
 */
public final class BackgroundJobs implements SystemHandler {

  /** The group of every connection on the system channel. */
  public static final String EVERYONE = "everyone";

  private final Supplier<SystemPublisher> publisher;
  private final ScheduledExecutorService background;
  private final Duration delay;
  private final AtomicLong jobs = new AtomicLong();

  /**
   * Jobs that run on {@code background}, each taking {@code delay}, and push their results
   * through the publisher of the server hosting them (looked up when the first job is done).
   */
  public BackgroundJobs(Supplier<SystemPublisher> publisher, ScheduledExecutorService background, Duration delay) {
    this.publisher = publisher;
    this.background = background;
    this.delay = delay;
  }

  @Override
  public void onConnect(Connection<SystemServerMessage, SystemPath> connection) {
    connection.join(EVERYONE);
  }

  // tag::queue[]
  @Override
  public JobQueued handleSystemMessage(SystemMessage message, Connection<SystemServerMessage, SystemPath> connection) {
    long job = jobs.incrementAndGet();
    TaskPayload task = message.payload();
    String connectionId = connection.id();
    background.schedule(() -> publisher.get().pushJobResult(connectionId,
        new JobResult("Job " + job + " done: " + run(task))), delay.toMillis(), TimeUnit.MILLISECONDS);
    return new JobQueued("Task " + task.taskType() + " queued: job " + job);
  }
  // end::queue[]

  @Override
  public PongMessage handleSystemPing(PingMessage message, Connection<SystemServerMessage, SystemPath> connection) {
    return new PongMessage();
  }

  /** What a job does with its task: a few toy task types. */
  static String run(TaskPayload task) {
    String content = task.content();
    return switch (task.taskType()) {
      case "uppercase" -> content.toUpperCase(Locale.ROOT);
      case "reverse" -> new StringBuilder(content).reverse().toString();
      case "word_count" -> Integer.toString(content.isBlank() ? 0 : content.strip().split("\\s+").length);
      default -> "unknown task type '" + task.taskType() + "'";
    };
  }
}
