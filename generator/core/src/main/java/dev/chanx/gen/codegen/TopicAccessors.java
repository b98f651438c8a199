package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.chanx.gen.codegen.ChannelPlan.ParameterPlan;
import dev.chanx.gen.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The accessors a Java client of a channel gets for the topics its connection carries, such as
 * {@code TopicHandle<RoomClientMessage, RoomServerMessage> room(String roomName)}: the topics at
 * the channel's address, named by their {@code x-topic} name.
 */
final class TopicAccessors {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  /** Methods a generated client has already. */
  private static final List<String> TAKEN = List.of("connect", "send", "request", "isOpen", "close", "deliver",
      "hashCode", "equals", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  private final List<String> names = new ArrayList<>();

  TopicAccessors(List<ChannelPlan> topics) {
    Names members = Names.members(TAKEN);
    for (ChannelPlan topic : topics) {
      names.add(members.allocate(Names.lowerCamel(topic.channel().topic().name(), "topic")));
    }
    this.topics = topics;
  }

  private final List<ChannelPlan> topics;

  /** The topic channels carried by {@code plan}'s connection: not topics themselves, at the same address. */
  static List<ChannelPlan> carried(ChannelPlan plan, List<ChannelPlan> plans) {
    if (plan.isTopic() || plan.channel().address() == null) {
      return List.of();
    }
    String endpoint = endpoint(plan.channel().address());
    return plans.stream()
        .filter(p -> p.isTopic() && p.channel().address() != null && endpoint(p.channel().address()).equals(endpoint))
        .toList();
  }

  private static String endpoint(String address) {
    String path = address.startsWith("/") ? address.substring(1) : address;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  MethodSpec accessor(ChannelPlan topic) {
    Topic spec = topic.channel().topic();
    ChannelPlan.Roles roles = topic.roles();
    MethodSpec.Builder method = MethodSpec.methodBuilder(names.get(topics.indexOf(topic)))
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Types.TOPIC_HANDLE, roles.clientMessage(), roles.serverMessage()))
        .addJavadoc("The topic $L on this connection: subscribe, listen, send and request through it. The same\n"
            + "topic string gives the same handle; once subscribed it is subscribed again after a reconnect.\n\n",
            Docs.code(spec.pattern()));
    CodeBlock.Builder topicString = CodeBlock.builder();
    Matcher m = PLACEHOLDER.matcher(spec.pattern());
    int last = 0;
    List<CodeBlock> parts = new ArrayList<>();
    while (m.find()) {
      if (m.start() > last) {
        parts.add(CodeBlock.of("$S", spec.pattern().substring(last, m.start())));
      }
      ParameterPlan p = parameter(topic, m.group(1));
      TypeName type = p.enumDecl() != null ? p.enumDecl().name() : p.kind().type();
      method.addParameter(type, p.component());
      String text = Docs.first(p.parameter().description(), p.parameter().schema().description());
      method.addJavadoc("$L", Docs.param(p.component(), text != null ? text : "the " + Docs.code(p.parameter().name())
          + " parameter"));
      parts.add(p.enumDecl() != null ? CodeBlock.of("$N.wireValue()", p.component()) : CodeBlock.of("$N", p.component()));
      last = m.end();
    }
    if (last < spec.pattern().length()) {
      parts.add(CodeBlock.of("$S", spec.pattern().substring(last)));
    }
    if (parts.isEmpty() || parts.get(0).toString().startsWith("\"") == false) {
      parts.add(0, CodeBlock.of("$S", ""));
    }
    topicString.add(CodeBlock.join(parts, " + "));
    method.addJavadoc("@return the topic's handle\n");
    return method.addStatement("return connection.topic($L, $T::decode)", topicString.build(), roles.serverDecoder())
        .build();
  }

  private static ParameterPlan parameter(ChannelPlan topic, String name) {
    return topic.parameters().stream().filter(p -> p.parameter().name().equals(name)).findFirst().orElseThrow();
  }
}
