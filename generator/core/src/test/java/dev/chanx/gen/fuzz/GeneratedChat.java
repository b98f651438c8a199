package dev.chanx.gen.fuzz;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.server.channel.ChannelRoute;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** The project's chat document, generated, compiled with javax.tools and loaded: its route, by name. */
final class GeneratedChat {

  /** The chat document of the example, from generator/core where the tests run. */
  static final Path DOCUMENT = Path.of("../../spec/chat.asyncapi.yaml");
  // Under dev.chanx, so that Jazzer instruments the generated classes for coverage too.
  static final String PACKAGE = "dev.chanx.gen.fuzz.generated";

  private GeneratedChat() {}

  /** Generates, compiles and loads the channel; reflection only here, once. */
  static ChannelRoute<?, ?, ?, ?> route() throws IOException, SpecException, ReflectiveOperationException {
    List<GeneratedFile> files = ChanxGenerator.generate(DOCUMENT, PACKAGE, null);
    Path dir = Files.createTempDirectory("chanx-fuzz-chat-");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Path> sources = new ArrayList<>();
    for (GeneratedFile file : files) {
      Path path = dir.resolve("src").resolve(file.relativePath());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.content(), StandardCharsets.UTF_8);
      sources.add(path);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
          "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
      if (!javac.getTask(output, fileManager, null, options, null, fileManager.getJavaFileObjectsFromPaths(sources)).call()) {
        throw new IllegalStateException("the generated chat does not compile:\n" + output);
      }
    }
    ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedChat.class.getClassLoader());
    Class<?> route = Class.forName(PACKAGE + ".chat.ChatRoute", true, loader);
    return (ChannelRoute<?, ?, ?, ?>) route.getMethod("create").invoke(null);
  }
}
