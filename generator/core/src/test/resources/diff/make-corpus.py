"""Writes the labelled pairs of this folder from base.yaml: each rule as a text edit of the base
document, forward and reversed, with its label in labels.tsv. Run from anywhere:
python3 make-corpus.py (rewrites every NN-* folder and labels.tsv next to it)."""
import os, shutil
HERE = os.path.dirname(os.path.abspath(__file__))
base = open(os.path.join(HERE, 'base.yaml')).read()
OUT = HERE

def rep(text, pairs):
    for old, new in pairs:
        if text.count(old) != 1:
            raise SystemExit("not unique (%d): %r" % (text.count(old), old))
        text = text.replace(old, new)
    return text

ALERTS_CHANNEL = """  alerts:
    address: ws/alerts/
    messages:
      alert:
        payload:
          type: object
          required: [action, text]
          properties:
            action:
              type: string
              const: alert
            text:
              type: string
"""
ALERTS_OP = """  push_alert:
    action: send
    channel:
      $ref: '#/channels/alerts'
    messages:
    - $ref: '#/channels/alerts/messages/alert'
"""
PO_PROPS = """        priority:
          type: string
          enum: [low, high]
        note:
          type: string
"""
PLACE_OP = """  place_order:
    action: receive
    channel:
      $ref: '#/channels/orders'
    summary: Place an order
    messages:
    - $ref: '#/channels/orders/messages/place_order'
"""
PUSH_OP = """  push_status:
    action: send
    channel:
      $ref: '#/channels/orders'
    messages:
    - $ref: '#/channels/orders/messages/order_status'
"""
PLACE_MSG_REF = """      place_order:
        $ref: '#/components/messages/place_order'
"""
STATUS_MSG_REF = """      order_status:
        $ref: '#/components/messages/order_status'
"""

# name, replacements, forward label, forward kind, reverse label, reverse kind
# labels: comma list of clients/servers/api or "safe"; kind: a change kind that must be reported
CHANGES = [
  ("required-made-client", [("required: [action, item, quantity]", "required: [action, item, quantity, priority]")],
   "clients", "schema.required.added", "servers", "schema.required.removed"),
  ("required-property-client", [("        note:\n          type: string\n", "        note:\n          type: string\n        coupon:\n          type: string\n"),
                               ("required: [action, item, quantity]", "required: [action, item, quantity, coupon]"),
                               ("          priority: low\n", "          priority: low\n          coupon: SPRING\n")],
   "clients,api", "schema.property.added-required", "servers,api", "schema.property.removed"),
  ("optional-property-client", [("        note:\n          type: string\n", "        note:\n          type: string\n        gift:\n          type: boolean\n")],
   "api", "schema.property.added", "api", "schema.property.removed"),
  ("optional-property-server", [("        eta:\n          type: integer\n", "        carrier:\n          type: string\n        eta:\n          type: integer\n")],
   "api", "schema.property.added", "api", "schema.property.removed"),
  ("required-property-server", [("        eta:\n          type: integer\n", "        carrier:\n          type: string\n        eta:\n          type: integer\n"),
                               ("required: [action, order_id, state]", "required: [action, order_id, state, carrier]"),
                               ("          eta: 5\n", "          eta: 5\n          carrier: post\n")],
   "servers,api", "schema.property.added-required", "clients,api", "schema.property.removed"),
  ("enum-value-server", [("enum: [accepted, shipped]", "enum: [accepted, shipped, cancelled]")],
   "clients", "schema.enum.value-added", "servers,api", "schema.enum.value-removed"),
  ("enum-value-client", [("enum: [low, high]", "enum: [low, high, urgent]")],
   "servers", "schema.enum.value-added", "clients,api", "schema.enum.value-removed"),
  ("maxlength-client", [("maxLength: 40", "maxLength: 20")],
   "clients", "schema.maxLength", "servers", "schema.maxLength"),
  ("minimum-client", [("minimum: 1\n", "minimum: 2\n")],
   "clients", "schema.minimum", "servers", "schema.minimum"),
  ("maximum-server", [("          minimum: 0\n", "          minimum: 0\n          maximum: 60\n")],
   "servers", "schema.maximum", "clients", "schema.maximum"),
  ("minimum-server", [("minimum: 0\n", "minimum: -1\n")],
   "clients", "schema.minimum", "servers", "schema.minimum"),
  ("pattern-client", [("          maxLength: 40\n", "          maxLength: 40\n          pattern: '^[a-z]+$'\n")],
   "clients", "schema.pattern", "servers", "schema.pattern"),
  ("format-client", [("        note:\n          type: string\n", "        note:\n          type: string\n          format: email\n")],
   "clients", "schema.format", "servers", "schema.format"),
  ("format-server", [("        order_id:\n          type: string\n", "        order_id:\n          type: string\n          format: uri\n")],
   "servers", "schema.format", "clients", "schema.format"),
  ("type-client", [("        quantity:\n          type: integer\n          minimum: 1\n          maximum: 100\n", "        quantity:\n          type: string\n")],
   "clients,servers,api", "schema.type", "clients,servers,api", "schema.type"),
  ("type-widened-server", [("        eta:\n          type: integer\n", "        eta:\n          type: number\n")],
   "clients,api", "schema.type", "servers,api", "schema.type"),
  ("nullable-server", [("        order_id:\n          type: string\n", "        order_id:\n          type: [string, 'null']\n")],
   "clients", "schema.nullable", "servers", "schema.nullable"),
  ("nullable-client", [("        note:\n          type: string\n", "        note:\n          type: [string, 'null']\n")],
   "servers", "schema.nullable", "clients", "schema.nullable"),
  ("client-message", [(PLACE_OP, ""), (PLACE_MSG_REF, "")],
   "clients,api", "message.removed", "servers,api", "message.added"),
  ("server-message", [(PUSH_OP, ""), (STATUS_MSG_REF, "")],
   "servers,api", "message.removed", "clients", "message.added"),
  ("address", [("address: ws/orders/{shop_id}/", "address: ws/v2/orders/{shop_id}/")],
   "clients,servers", "channel.address.changed", "clients,servers", "channel.address.changed"),
  ("parameter-renamed", [("address: ws/orders/{shop_id}/", "address: ws/orders/{store_id}/"), ("      shop_id:\n        description: The shop.", "      store_id:\n        description: The shop.")],
   "api", "channel.parameter.renamed", "api", "channel.parameter.renamed"),
  ("channel", [("channels:\n", "channels:\n" + ALERTS_CHANNEL), ("operations:\n", "operations:\n" + ALERTS_OP)],
   "servers", "channel.added", "clients,api", "channel.removed"),
  ("channel-key", [("channels:\n  orders:\n", "channels:\n  shop_orders:\n")] + [("$ref: '#/channels/orders'", "$ref: '#/channels/shop_orders'")] * 0,
   "api", "channel.renamed", "api", "channel.renamed"),
  ("reordered", [(PO_PROPS, """        note:
          type: string
        priority:
          type: string
          enum: [low, high]
""")],
   "api", "schema.properties.reordered", "api", "schema.properties.reordered"),
  ("closed-client", [("      description: An order for one item.\n", "      description: An order for one item.\n      additionalProperties: false\n")],
   "clients", "schema.additionalProperties", "servers", "schema.additionalProperties"),
  ("tag-client", [("          const: place_order", "          const: create_order"), ("          action: place_order", "          action: create_order")],
   "clients,servers", "message.tag.changed", "clients,servers", "message.tag.changed"),
  ("multipleof-client", [("          maximum: 100\n", "          maximum: 100\n          multipleOf: 2\n")],
   "clients", "schema.multipleOf", "servers", "schema.multipleOf"),
  ("parameter-enum", [("      shop_id:\n        description: The shop.", "      shop_id:\n        description: The shop.\n        enum: [north, south]")],
   "clients,api", "schema.enum.added", "servers,api", "schema.enum.removed"),
  ("reply", [("""    reply:
      channel:
        $ref: '#/channels/orders'
      messages:
      - $ref: '#/channels/orders/messages/pong'
""", ""), ("""      pong:
        $ref: '#/components/messages/pong'
""", "")],
   "clients,servers,api", "operation.reply.changed", "clients,api", "message.added"),
]

DOCS = [
  ("doc-info-version", [("  version: 1.0.0", "  version: 2.0.0")]),
  ("doc-info-description", [("Orders placed over a socket.", "Orders placed over a WebSocket, one shop at a time.")]),
  ("doc-info-title", [("  title: Shop\n", "  title: Shop API\n")]),
  ("doc-channel-description", [("The orders of one shop.", "Every order of one shop.")]),
  ("doc-channel-title", [("    title: orders\n", "    title: Orders\n")]),
  ("doc-message-summary", [("      summary: A new order\n", "      summary: An order to place\n")]),
  ("doc-message-examples", [("          item: tea\n", "          item: coffee\n")]),
  ("doc-schema-description", [("An order for one item.", "One item, ordered.")]),
  ("doc-property-description", [("        note:\n          type: string\n", "        note:\n          type: string\n          description: Said to the shop.\n")]),
  ("doc-operation-summary", [("    summary: Place an order\n", "    summary: Places an order\n")]),
  ("doc-parameter-description", [("        description: The shop.", "        description: The shop, by its id.")]),
  ("doc-operation-description", [("    summary: Place an order\n", "    summary: Place an order\n    description: Checks the stock first.\n")]),
]

for old in os.listdir(OUT):
    if old[:2].isdigit() and os.path.isdir(os.path.join(OUT, old)):
        shutil.rmtree(os.path.join(OUT, old))
labels = []
n = 0
def write(name, old, new, label, kind):
    global n
    n += 1
    d = os.path.join(OUT, "%02d-%s" % (n, name))
    os.makedirs(d)
    open(os.path.join(d, "old.yaml"), "w").write(old)
    open(os.path.join(d, "new.yaml"), "w").write(new)
    labels.append("%02d-%s\t%s\t%s" % (n, name, label, kind))

for name, pairs, fl, fk, rl, rk in CHANGES:
    if name == "channel-key":
        mutated = base.replace("channels:\n  orders:\n", "channels:\n  shop_orders:\n").replace("'#/channels/orders", "'#/channels/shop_orders")
    else:
        mutated = rep(base, pairs)
    write(name + "-fwd", base, mutated, fl, fk)
    write(name + "-rev", mutated, base, rl, rk)
for name, pairs in DOCS:
    mutated = rep(base, pairs)
    write(name, base, mutated, "safe", "doc.changed")
    write(name + "-rev", mutated, base, "safe", "doc.changed")
# The same frames written another way: what the reader resolves is no change.
ALLOF = base.replace("""    PlaceOrder:
      type: object
      description: An order for one item.
      required: [action, item, quantity]
      properties:
        action:
          type: string
          const: place_order
""", """    OrderBase:
      type: object
      required: [action]
      properties:
        action:
          type: string
          const: place_order
    PlaceOrder:
      description: An order for one item.
      allOf:
      - $ref: '#/components/schemas/OrderBase'
      - type: object
        required: [item, quantity]
        properties:
""").replace("""        item:
          type: string
          maxLength: 40
        quantity:
          type: integer
          minimum: 1
          maximum: 100
        priority:
          type: string
          enum: [low, high]
        note:
          type: string
""", """          item:
            type: string
            maxLength: 40
          quantity:
            type: integer
            minimum: 1
            maximum: 100
          priority:
            type: string
            enum: [low, high]
          note:
            type: string
""")
assert ALLOF != base
write("allof-merged", base, ALLOF, "safe", "-")
write("allof-merged-rev", ALLOF, base, "safe", "-")
ALLOF_NARROW = ALLOF.replace("maxLength: 40", "maxLength: 20")
write("allof-maxlength-client", base, ALLOF_NARROW, "clients", "schema.maxLength")

# Keywords the read model does not hold, compared as written.
NOT_CLIENT = rep(base, [("        note:\n          type: string\n", "        note:\n          type: string\n          not:\n            const: spam\n")])
write("not-client", base, NOT_CLIENT, "clients", "schema.not")
write("not-client-rev", NOT_CLIENT, base, "servers", "schema.not")
NOT_SERVER = rep(base, [("        order_id:\n          type: string\n", "        order_id:\n          type: string\n          not:\n            const: none\n")])
write("not-server", base, NOT_SERVER, "servers", "schema.not")
MIN_PROPERTIES = rep(base, [("required: [action, item, quantity]", "required: [action, item, quantity]\n      minProperties: 4")])
write("minproperties-client", base, MIN_PROPERTIES, "clients", "schema.minProperties")

with open(os.path.join(OUT, "labels.tsv"), "w") as f:
    f.write("# pair\tbreaks (clients, servers, api; or safe)\ta change kind the diff must report (-: no change at all)\n")
    f.write("\n".join(labels) + "\n")
print(n, "pairs")
