package dev.chanx.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The Redis the tests share: {@code CHANX_REDIS_URL} where it is set (CI sets it); otherwise a
 * redis-server of the tests' own, started from PATH on a free loopback port the first time a test
 * asks, once per test JVM, and stopped when the JVM exits; otherwise none, and the tests that need
 * one skip, saying why. The example's tests use it too, through this module's test-jar.
 */
public final class RedisForTests {

  private static final String CONFIGURED = System.getenv("CHANX_REDIS_URL");

  private static RedisProcess own;
  private static String missing;

  private RedisForTests() {}

  /** The shared Redis's URI; skips the calling test, with the reason, if there is none. */
  public static String uri() {
    assumeTrue(available(), () -> missing);
    return CONFIGURED != null && !CONFIGURED.isBlank() ? CONFIGURED : own.uri();
  }

  /** Whether there is a Redis for the tests, starting the tests' own if it is up to them. */
  public static synchronized boolean available() {
    if (CONFIGURED != null && !CONFIGURED.isBlank() || own != null) {
      return true;
    }
    if (missing == null && !RedisProcess.onPath()) {
      missing = "no Redis: CHANX_REDIS_URL is not set and there is no redis-server on PATH to start one"
          + " (apt-get install redis-server; CI has one)";
    }
    if (missing != null) {
      return false;
    }
    try {
      own = RedisProcess.start();
    } catch (Exception e) {
      throw new IllegalStateException("CHANX_REDIS_URL is not set and redis-server from PATH did not start", e);
    }
    RedisProcess started = own;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        started.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "stop-test-redis"));
    return true;
  }

  /** A namespace no other test run uses, so runs sharing one Redis cannot see each other. */
  public static String freshNamespace() {
    return "chanx-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * For a class that connects in {@code @BeforeAll}: {@code @ExtendWith(RedisForTests.Needed.class)}.
   * Without a Redis its {@code @BeforeAll} and {@code @AfterAll} methods do not run and each test
   * skips with the reason. (A class that skipped as a whole in {@code @BeforeAll} would leave no
   * trace in Surefire's reports.)
   */
  public static final class Needed implements InvocationInterceptor, BeforeEachCallback {

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
        ExtensionContext context) throws Throwable {
      proceedIfAvailable(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
        ExtensionContext context) throws Throwable {
      proceedIfAvailable(invocation);
    }

    private static void proceedIfAvailable(Invocation<Void> invocation) throws Throwable {
      if (available()) {
        invocation.proceed();
      } else {
        invocation.skip();
      }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      uri();
    }
  }
}
