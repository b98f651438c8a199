package dev.chanx.gen.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.Target;
import dev.chanx.gen.codegen.InMemoryJavac;
import dev.chanx.gen.codegen.JavaGenerator;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.core.message.Decoded;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document generated for the server and for a Java client, compiled with every lint an error
 * and loaded, so that frames can go through each channel's generated decoders: the dispatcher's
 * for what clients send, {@code <C>ServerMessageDecoder} for what the server sends. Channels are
 * found by their key (the route's {@code name()}), not by guessing the generator's class names.
 */
final class CompiledDocument {

  private final Map<String, ChannelRoute<?, ?, ?, ?>> routes = new LinkedHashMap<>();
  private final Map<String, Method> serverDecoders = new LinkedHashMap<>();

  private CompiledDocument(List<GeneratedFile> files, ClassLoader loader) throws ReflectiveOperationException {
    for (GeneratedFile file : files) {
      String path = file.relativePath();
      if (!path.endsWith("Route.java")) {
        continue;
      }
      Class<?> type = Class.forName(path.substring(0, path.length() - ".java".length()).replace('/', '.'), true, loader);
      if (!ChannelRoute.class.isAssignableFrom(type)) {
        continue;
      }
      ChannelRoute<?, ?, ?, ?> route = (ChannelRoute<?, ?, ?, ?>) type.getMethod("create").invoke(null);
      routes.put(route.name(), route);
      String prefix = type.getName().substring(0, type.getName().length() - "Route".length());
      Method decode = Class.forName(prefix + "ServerMessageDecoder", true, loader).getDeclaredMethod("decode", JsonNode.class);
      decode.setAccessible(true);
      serverDecoders.put(route.name(), decode);
    }
  }

  /** Generates, compiles into {@code workDir} and loads the document. */
  static CompiledDocument of(Path document, Path workDir) {
    try {
      List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example.examples",
          EnumSet.of(Target.SERVER, Target.JAVA_CLIENT));
      return new CompiledDocument(files, InMemoryJavac.compile(files, workDir));
    } catch (SpecException e) {
      throw new AssertionError("expected " + document + " to generate:\n" + e.getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The channel's route, generated per channel as {@code <C>Route}. */
  ChannelRoute<?, ?, ?, ?> route(String channel) {
    ChannelRoute<?, ?, ?, ?> route = routes.get(channel);
    if (route == null) {
      throw new IllegalArgumentException("no route for channel " + channel + " among " + routes.keySet());
    }
    return route;
  }

  /** What the channel's dispatcher makes of a client frame. */
  Decoded<?> decodeClientFrame(String channel, JsonNode frame) {
    return route(channel).dispatcher().decode(frame);
  }

  /** What the channel's Java client makes of a server frame. */
  Decoded<?> decodeServerFrame(String channel, JsonNode frame) {
    route(channel);
    try {
      return (Decoded<?>) serverDecoders.get(channel).invoke(null, frame);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
