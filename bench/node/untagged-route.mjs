// How long the generated JS client takes to route one received frame (JSON.parse included): by its
// tag (a status) vs by schema, the first-match path (a trade: the quote's schema refuses it, the
// trade's accepts). Fake socket, no network; process CPU time per frame over 200,000 frames, 5
// rounds with the order alternated, median of each and their ratio. Run:
//   bin/chanx-gen generate --targets js-client -s generator/core/src/test/resources/codegen/market.yaml -o /tmp/m
//   node bench/node/untagged-route.mjs /tmp/m/js/market.js
const { connectMarket } = await import(process.argv[2]);
let socket;
class FakeSocket {
  constructor() { socket = this; this.readyState = 1; setTimeout(() => this.onopen?.(), 0); }
  send() {}
  close() {}
}
let count = 0;
const client = connectMarket({ url: "ws://x/", WebSocket: FakeSocket }, {
  onStatus() { count++; }, onTrade() { count++; }, onQuote() { count++; },
});
await client.opened;
const frames = {
  tag: JSON.stringify({ event: "open" }),
  schema: JSON.stringify({ symbol: "BTC", price: 10.75, size: 3 }),
};
const N = 200000;
const results = { tag: [], schema: [] };
for (let round = 0; round < 5; round++) {
  const order = round % 2 === 0 ? ["tag", "schema"] : ["schema", "tag"];
  for (const kind of order) {
    const data = frames[kind];
    const start = process.cpuUsage();
    for (let i = 0; i < N; i++) socket.onmessage({ data });
    const used = process.cpuUsage(start);
    results[kind].push((used.user + used.system) * 1000 / N);
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ frames: count, nsPerFrameTag: median(results.tag), nsPerFrameSchema: median(results.schema),
  ratio: median(results.schema) / median(results.tag) }));
process.exit(0);
