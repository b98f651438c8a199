package dev.chanx.gen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The public reference documents under {@code ../shared/specs}: {@code shared} is a folder beside
 * the project's own checkouts, not part of the repository, read where it is (never copied). Where
 * it is absent, as beside a fresh clone, every test that needs it skips, saying so; CI has it and
 * fails on any skip.
 *
 * <p>The environment variable {@code CHANX_SHARED_DIR} names another folder in its place (absolute,
 * or relative to generator/core); one that does not exist shows the skips of a fresh clone.
 */
public final class SharedSpecs {

  /** {@code ../shared/specs} from the repository root; tests run in generator/core. */
  private static final Path DEFAULT = Path.of("../../../shared");

  /** The folder of the reference documents, whether it exists or not. */
  public static final Path ROOT = shared().resolve("specs");

  private SharedSpecs() {}

  private static Path shared() {
    String override = System.getenv("CHANX_SHARED_DIR");
    return override == null || override.isBlank() ? DEFAULT : Path.of(override);
  }

  /** Whether the reference documents are here. */
  public static boolean present() {
    return Files.isDirectory(ROOT);
  }

  /** Skips the calling test, with the reason, unless the reference documents are here. */
  public static void assumePresent() {
    assumeTrue(present(), () -> "no reference documents: " + ROOT.toAbsolutePath().normalize()
        + " is absent (../shared is a folder beside the project's own checkouts, not in the repository;"
        + " a fresh clone has none, CI has it)");
  }

  /** A reference document by its path under {@code specs}, such as {@code chanx/tutorial.yaml}; skips if absent. */
  public static Path path(String name) {
    assumePresent();
    Path path = ROOT.resolve(name);
    assertTrue(Files.isRegularFile(path), "missing reference document " + path.toAbsolutePath().normalize());
    return path;
  }

  /**
   * A folder of public conformance data under {@code ../shared/corpus}, such as {@code
   * jsonschema/draft7}; skips, as for the documents, if absent.
   */
  public static Path corpus(String name) {
    Path folder = shared().resolve("corpus").resolve(name);
    assumeTrue(Files.isDirectory(folder), () -> "no reference documents: " + folder.toAbsolutePath().normalize()
        + " is absent (../shared is a folder beside the project's own checkouts, not in the repository;"
        + " a fresh clone has none, CI has it)");
    return folder;
  }

  /** Chanx's own tutorial document; skips if absent. */
  public static Path tutorial() {
    return path("chanx/tutorial.yaml");
  }

  /** A reference document read into the model, which it must be without a problem; skips if absent. */
  public static ApiModel read(String name) {
    Path path = path(name);
    try {
      return SpecReader.read(path, null);
    } catch (SpecException e) {
      throw new AssertionError("expected " + name + " to read without problems:\n" + e.getMessage(), e);
    }
  }

  /** Every reference document (YAML or JSON), in a fixed order; skips if absent. */
  public static List<Path> all() {
    assumePresent();
    return documentsIn(ROOT);
  }

  /** Every YAML or JSON document under a folder, in a fixed order. */
  public static List<Path> documentsIn(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The arguments of a test run once per reference document: every document or, where they are
   * absent, the absent folder alone, for the test to skip by {@link #assumePresent()} first thing.
   * (A source that skipped itself would leave no trace in Surefire's reports.)
   */
  public static Stream<Path> documents() {
    return present() ? all().stream() : Stream.of(ROOT);
  }

  /**
   * For a class all of whose tests need the reference documents, such as one that compiles one in
   * {@code @BeforeAll}: {@code @ExtendWith(SharedSpecs.Needed.class)}. Where they are absent its
   * {@code @BeforeAll} methods do not run and each test skips with the reason. (A class that
   * skipped as a whole in {@code @BeforeAll} would leave no trace in Surefire's reports.)
   */
  public static final class Needed implements InvocationInterceptor, BeforeEachCallback {

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
        ExtensionContext context) throws Throwable {
      if (present()) {
        invocation.proceed();
      } else {
        invocation.skip();
      }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      assumePresent();
    }
  }
}
