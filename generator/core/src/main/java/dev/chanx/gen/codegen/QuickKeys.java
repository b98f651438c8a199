package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The named bits with which the quick path records the keys of a record it has read: one per
 * property ({@code NEW_CHAT_MESSAGE_ACTION_KEY = 1L << 0}) and, where some are required, their
 * mask ({@code NEW_CHAT_MESSAGE_REQUIRED_KEYS}). Constants of the channel's reader, named the same
 * way for the reader and the dispatcher, which passes a frame's tag bit.
 */
final class QuickKeys {

  private final Map<RecordDecl, List<String>> bits = new HashMap<>();
  private final Map<RecordDecl, String> required = new HashMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  private QuickKeys(List<RecordDecl> records, List<String> reserved) {
    Names allocator = Names.members(reserved);
    for (RecordDecl record : records) {
      String owner = Names.upperSnake(record.name().simpleName(), "RECORD");
      List<String> recordBits = new ArrayList<>();
      List<CodeBlock> requiredBits = new ArrayList<>();
      List<Property> properties = record.properties();
      for (int i = 0; i < properties.size(); i++) {
        Property p = properties.get(i);
        String name = allocator.allocate(owner + "_" + Names.upperSnake(p.wireName(), "PROPERTY") + "_KEY");
        recordBits.add(name);
        names.add(name);
        fields.add(FieldSpec.builder(TypeName.LONG, name, Modifier.STATIC, Modifier.FINAL)
            .initializer("1L << $L", i)
            .build());
        if (p.required()) {
          requiredBits.add(CodeBlock.of("$N", name));
        }
      }
      bits.put(record, recordBits);
      if (!requiredBits.isEmpty()) {
        String mask = allocator.allocate(owner + "_REQUIRED_KEYS");
        required.put(record, mask);
        names.add(mask);
        fields.add(FieldSpec.builder(TypeName.LONG, mask, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(CodeBlock.join(requiredBits, " |$W"))
            .build());
      }
    }
  }

  /**
   * The keys of the records the quick path reads key by key on a channel, named apart from the
   * type names of the reader's code.
   */
  static QuickKeys of(ChannelPlan plan) {
    QuickPath quick = QuickPath.of(plan);
    List<RecordDecl> records = new ArrayList<>();
    for (Decl decl : plan.decls()) {
      if (decl instanceof RecordDecl record && ReaderWriter.streamed(record)
          && (quick.readsFrame(record) || quick.readsValue(record))) {
        records.add(record);
      }
    }
    return new QuickKeys(records, plan.decls().stream().map(d -> d.name().simpleName()).toList());
  }

  /** {@return the bit of a record's property, by its index} */
  String bit(RecordDecl record, int index) {
    return bits.get(record).get(index);
  }

  /** {@return the mask of a record's required keys, or null when none is required} */
  String required(RecordDecl record) {
    return required.get(record);
  }

  /** {@return the constants, in the order of the records and their properties} */
  List<FieldSpec> fields() {
    return fields;
  }

  /** {@return every name these constants take} */
  List<String> names() {
    return names;
  }
}
