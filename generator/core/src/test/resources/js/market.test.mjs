// The generated JavaScript client of codegen/market.yaml against our generated server on loopback
// (MarketWireTest starts it, the channel placed at /ws/market): a status picked by its enum value,
// a quote and a trade told apart only by their schemas, and the server's audit request answered by
// the handler's return value, matched by its audit_id.
import { test } from "node:test";
import assert from "node:assert/strict";

const { connectMarket } = await import(process.env.CHANX_MODULE);

test("frames reach their handlers and the audit is answered", async () => {
  const seen = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${JSON.stringify(seen)}`)), 10000);
    const client = connectMarket({ url: process.env.CHANX_URL, WebSocket: globalThis.WebSocket }, {
      onOpen() { client.sendSubscribe({ subscribe: { symbol: "ETH" } }); },
      onStatus(m) {
        seen.push(["onStatus", m.event]);
        if (m.event === "halted") {
          clearTimeout(timer);
          client.close().then(resolve);
        }
      },
      onQuote(m) { seen.push(["onQuote", m.symbol, m.price]); },
      onTrade(m) { seen.push(["onTrade", m.symbol, m.price, m.size]); },
      onAudit(m) {
        seen.push(["onAudit", m.audit_id]);
        return Promise.resolve({ audited: true, audit_id: m.audit_id });
      },
      onUnreadable(frame) { seen.push(["onUnreadable", frame]); },
      onError(error) { seen.push(["onError", error]); },
    });
  });
  assert.deepEqual(seen, [
    ["onStatus", "open"],
    ["onQuote", "ETH", 10.5],
    ["onTrade", "ETH", 10.75, 3],
    ["onAudit", "audit-ETH"],
    ["onStatus", "halted"],
  ]);
});
