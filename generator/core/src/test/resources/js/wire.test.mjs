// The generated JavaScript client against our generated servers on loopback (JsWireTest starts
// them): frames without one constant tag reach their handlers by enum value and by wrapper key, and
// a request of the server's is answered with the handler's return value, carrying its ref.
import { test } from "node:test";
import assert from "node:assert/strict";

const untagged = await import(process.env.CHANX_UNTAGGED);
const slack = await import(process.env.CHANX_SLACK);
const base = process.env.CHANX_URL;

function collect(connect, handlers, send, count) {
  return new Promise((resolve, reject) => {
    const seen = [];
    const timer = setTimeout(() => reject(new Error(`only ${JSON.stringify(seen)}`)), 10000);
    const client = connect({ url: base, WebSocket: globalThis.WebSocket }, {
      ...handlers(seen),
      onOpen() { send(client); },
      onError(error) { seen.push(["error", error]); },
      onUnreadable(frame) { seen.push(["unreadable", frame]); },
    });
    const check = setInterval(() => {
      if (seen.length >= count) {
        clearInterval(check);
        clearTimeout(timer);
        client.close().then(() => resolve(seen));
      }
    }, 10);
  });
}

test("an enum value picks the message", async () => {
  const seen = await collect(untagged.connectSpeak, (seen) => ({
    onFlushed(m) { seen.push(["onFlushed", m.type, m.sequence_id]); },
    onWarning(m) { seen.push(["onWarning", m.description]); },
  }), (client) => client.send({ type: "Speak", text: "hello" }), 2);
  assert.deepEqual(seen, [["onFlushed", "Cleared", 5], ["onWarning", "hello"]]);
});

test("a key only one message has picks it", async () => {
  const seen = await collect(untagged.connectFeed, (seen) => ({
    onSubscribed(m) { seen.push(["onSubscribed", m.subscribed]); },
    onUnsubscribed(m) { seen.push(["onUnsubscribed", m.unsubscribed]); },
  }), (client) => {
    client.send({ subscribe: { channel: "btc" } });
    client.send({ unsubscribe: { channel: "eth" } });
  }, 2);
  assert.deepEqual(seen, [["onSubscribed", "btc"], ["onUnsubscribed", "eth"]]);
});

test("the handler's return value answers the server's request", async () => {
  const seen = await collect(slack.connectRoot, (seen) => ({
    async onEvent(m) {
      seen.push(["onEvent", m.envelope_id]);
      return { envelope_id: m.envelope_id };
    },
    onHello(m) { seen.push(["onHello", m.num_connections]); },
  }), () => {}, 2);
  // The server says hello with 7 once the request it sent has completed with the reply.
  assert.deepEqual(seen, [["onEvent", "js-1"], ["onHello", 7]]);
});
