package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No class of chanx-server depends on itself through others (a nested class counts as its outer
 * one): where a dependency must point back, it goes through an interface or a function. Read from
 * the compiled classes with the JDK's jdeps.
 */
class NoLoopsTest {

  private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.chanx\\.server\\S*)\\s+->\\s+(dev\\.chanx\\.server\\S*)");

  @Test
  void theServersClassesDependOnEachOtherWithoutLoops() throws URISyntaxException {
    Path classes = Path.of(ChanxServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, Set<String>> uses = dependencies(classes);
    assertTrue(uses.size() > 30, () -> "jdeps read too few classes in " + classes + ": " + uses.keySet());
    assertEquals(List.of(), new Loops(uses).find());
  }

  private static Map<String, Set<String>> dependencies(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
        classes.toString());
    assertEquals(0, status, out::toString);
    Map<String, Set<String>> uses = new HashMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher edge = EDGE.matcher(line);
      if (edge.find()) {
        String from = outer(edge.group(1));
        String to = outer(edge.group(2));
        Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
        if (!from.equals(to)) {
          targets.add(to);
        }
      }
    }
    return uses;
  }

  private static String outer(String className) {
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }

  /** Tarjan's strongly connected components of more than one class. */
  private static final class Loops {
    private final Map<String, Set<String>> uses;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<Set<String>> found = new ArrayList<>();

    Loops(Map<String, Set<String>> uses) {
      this.uses = uses;
    }

    List<Set<String>> find() {
      for (String node : new TreeSet<>(uses.keySet())) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
      return found;
    }

    private void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.add(node);
      for (String next : uses.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (stack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.remove(stack.size() - 1);
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          found.add(component);
        }
      }
    }
  }
}
