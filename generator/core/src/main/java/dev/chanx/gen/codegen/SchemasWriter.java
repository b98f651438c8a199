package dev.chanx.gen.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Schemas}: the JSON Schema of each message read on the channel whose reader
 * does not hold its whole schema, compiled once, with the named schemas they refer to.
 */
final class SchemasWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  SchemasWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec write() {
    ContractPlan contracts = plan.contracts();
    ContractWriter writer = new ContractWriter(contracts.owner(), contracts.schemas(),
        Names.members(contracts.constants().values()));
    List<MessagePlan> all = new ArrayList<>(plan.clientMessages());
    all.addAll(plan.serverMessages());
    Set<String> written = new HashSet<>();
    for (MessagePlan m : all) {
      String name = contracts.constant(m.message());
      if (name != null && written.add(name)) {
        writer.message(name, m.message().key(), m.message().pointer() + "/payload", m.message().payload().contract());
      }
    }
    return TypeSpec.classBuilder(contracts.owner())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.FINAL)
        .addJavadoc(Docs.block(List.of("The JSON Schemas (draft-07) of the messages read on channel "
            + Docs.code(plan.channel().key()) + " that use rules their reader does not check alone, compiled"
            + " once.", "A frame of such a message is checked against its schema first, reporting every rule"
            + " it breaks, and read into its record only when it holds.")))
        .addFields(writer.constants())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }
}
