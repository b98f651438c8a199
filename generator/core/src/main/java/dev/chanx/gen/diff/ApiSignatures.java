package dev.chanx.gen.diff;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.Target;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The generated Java API of one channel as a set of declarations (types, their supertypes,
 * record components, public members), read from the code the generator writes, so that whether a
 * change breaks code written against it is what the generator really does: an old declaration
 * that is gone or changed breaks it, and so does a new abstract method to implement.
 */
final class ApiSignatures {

  private static final String PACKAGE = "chanx.diff";

  private ApiSignatures() {}

  /**
   * What code written against the old channel's generated API no longer finds in the new one, as
   * {@code File.java: declaration}; null when the code could not be generated.
   */
  static List<String> breaks(ApiModel oldModel, Channel oldChannel, ApiModel newModel, Channel newChannel) {
    Set<String> before = signatures(oldModel, oldChannel);
    Set<String> after = signatures(newModel, newChannel);
    if (before == null || after == null) {
      return null;
    }
    List<String> breaks = new ArrayList<>();
    for (String s : before) {
      if (!after.contains(s)) {
        breaks.add(s + " (gone or changed)");
      }
    }
    for (String s : after) {
      if (!before.contains(s) && s.contains(" abstract-method ")) {
        breaks.add(s + " (a new method to implement)");
      }
    }
    return breaks;
  }

  // The server's and the Java client's declarations: code written against either must still compile.
  private static Set<String> signatures(ApiModel model, Channel channel) {
    ApiModel one = new ApiModel(model.source(), model.asyncapiVersion(), model.title(), model.version(),
        model.description(), List.of(channel), model.schemas());
    List<GeneratedFile> files;
    try {
      files = ChanxGenerator.generate(one, PACKAGE, Set.of(Target.SERVER, Target.JAVA_CLIENT));
    } catch (SpecException | RuntimeException e) {
      return null;
    }
    Set<String> all = new LinkedHashSet<>();
    for (GeneratedFile file : files) {
      String path = file.relativePath();
      if (path.endsWith(".java")) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String s : declarations(file.content())) {
          all.add(name + ": " + s);
        }
      }
    }
    return all;
  }

  /** A type body being read (name null: not public) or a code body that is skipped (type false). */
  private static final class Scope {
    final String name;
    final boolean type;
    final boolean isInterface;
    boolean enumConstantsNext;

    Scope(String name, boolean type, boolean isInterface, boolean isEnum) {
      this.name = name;
      this.type = type;
      this.isInterface = isInterface;
      this.enumConstantsNext = isEnum;
    }

    boolean reads() {
      return type && name != null;
    }
  }

  /** The public declarations of a Java file, each on one line, qualified by the types around it. */
  static List<String> declarations(String source) {
    String code = withoutAnnotations(withoutCommentsAndLiterals(source));
    List<String> out = new ArrayList<>();
    Deque<Scope> scopes = new ArrayDeque<>();
    StringBuilder statement = new StringBuilder();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      Scope scope = scopes.peek();
      boolean reading = scope == null || scope.reads();
      if (c == '{') {
        String s = normal(statement);
        statement.setLength(0);
        String type = reading ? typeName(s) : null;
        if (type == null) {
          if (reading) {
            member(scope, s, false, out);
          }
          scopes.push(new Scope(null, false, false, false));
          continue;
        }
        boolean visible = s.contains("public ") || scope != null && scope.isInterface;
        String qualified = scope == null ? type : scope.name + "." + type;
        if (visible) {
          header(qualified, s, out);
        }
        scopes.push(new Scope(visible ? qualified : null, true, s.matches(".*\\binterface\\b.*"),
            s.matches(".*\\benum\\b.*")));
      } else if (c == '}') {
        if (scope != null && scope.reads() && scope.enumConstantsNext) {
          constants(scope, normal(statement), out);
        }
        statement.setLength(0);
        if (!scopes.isEmpty()) {
          scopes.pop();
        }
      } else if (c == ';' && reading) {
        String s = normal(statement);
        statement.setLength(0);
        if (scope != null && scope.enumConstantsNext) {
          constants(scope, s, out);
        } else {
          member(scope, s, true, out);
        }
      } else if (reading) {
        statement.append(c);
      }
    }
    return out;
  }

  private static void constants(Scope scope, String s, List<String> out) {
    scope.enumConstantsNext = false;
    for (String constant : s.split(",")) {
      if (!constant.isBlank()) {
        out.add(scope.name + " constant " + constant.strip());
      }
    }
  }

  private static void member(Scope scope, String s, boolean noBody, List<String> out) {
    if (scope == null || s.isEmpty()) {
      return;
    }
    if (s.matches(".*\\bprivate\\b.*") || !scope.isInterface && !s.matches(".*\\b(public|protected)\\b.*")) {
      return;
    }
    boolean abstractMethod = scope.isInterface && noBody && s.contains("(")
        && !s.matches(".*\\b(default|static)\\b.*");
    out.add(scope.name + (abstractMethod ? " abstract-method " : " member ") + s);
  }

  /** A type's header as declarations: the type itself, then one per supertype ({@code permits} left out). */
  private static void header(String qualified, String s, List<String> out) {
    String head = s;
    String supers = "";
    int permits = head.indexOf(" permits ");
    if (permits >= 0) {
      head = head.substring(0, permits); // a new permitted subtype breaks no code Java 17 compiles
    }
    for (String keyword : List.of(" implements ", " extends ")) {
      int at = head.indexOf(keyword);
      if (at >= 0 && head.lastIndexOf(')') < at) {
        supers = head.substring(at + keyword.length()) + (supers.isEmpty() ? "" : ", " + supers);
        head = head.substring(0, at);
      }
    }
    out.add(qualified + " type " + head.strip());
    for (String sup : splitTopLevel(supers)) {
      if (!sup.isBlank()) {
        out.add(qualified + " supertype " + sup.strip());
      }
    }
  }

  private static List<String> splitTopLevel(String list) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder part = new StringBuilder();
    for (char c : list.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(part.toString());
        part.setLength(0);
        continue;
      }
      part.append(c);
    }
    parts.add(part.toString());
    return parts;
  }

  private static String typeName(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(class|interface|record|enum)\\s+(\\w+)")
        .matcher(s);
    return m.find() ? m.group(2) : null;
  }

  private static String normal(StringBuilder statement) {
    return statement.toString().replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").strip();
  }

  private static String withoutAnnotations(String code) {
    return code.replaceAll("@[A-Za-z_][\\w.]*(\\s*\\((?:[^()]|\\([^()]*\\))*\\))?", " ");
  }

  /** The code with comments removed and each string or character literal emptied. */
  private static String withoutCommentsAndLiterals(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        boolean block = c == '"' && source.startsWith("\"\"\"", i);
        String close = block ? "\"\"\"" : String.valueOf(c);
        int j = i + close.length();
        while (j < source.length() && !source.startsWith(close, j)) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = Math.min(source.length(), j + close.length());
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
