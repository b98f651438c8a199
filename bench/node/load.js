// The load client of the fan-out benchmark, as a new user would measure a chat server: Node's `ws`
// client (no compression offered), N clients in M rooms (client i in room i % M), each sending a
// ~120-byte new_chat_message at a fixed rate, stamped with this process's monotonic clock; every
// client times what it receives against the stamp. One process, one clock.
//
// Usage: node load.js --port P [--clients 200] [--rooms 10] [--rate 5] [--warmup 2] [--seconds 5]
//        [--drain 2] [--bytes 120]
// Prints `window open` and `window closed` on stdout at the window's bounds (the caller reads the
// server's CPU time there), then one line of JSON with what was sent, owed, delivered and the
// latency percentiles in ms. Exits 1 if a client fails to connect or a socket closes early.
'use strict';
const WebSocket = require('ws');

const options = { port: 0, clients: 200, rooms: 10, rate: 5, warmup: 2, seconds: 5, drain: 2, bytes: 120 };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, '');
  if (!(name in options) || i + 1 >= process.argv.length) {
    console.error(`unknown option ${process.argv[i]}; see the comment at the top of load.js`);
    process.exit(2);
  }
  options[name] = Number(process.argv[i + 1]);
}

const now = () => process.hrtime.bigint();
const MARK = '"message":"';
let windowStart = -1n;
let windowEnd = -1n;
let sent = 0;
let owed = 0;
let skipped = 0;
let closedEarly = 0;
let finished = false;
const latencies = [];

function inWindow(stamp) {
  return windowStart >= 0n && stamp >= windowStart && stamp < windowEnd;
}

function frameOf(name, stamp) {
  const head = '{"action":"new_chat_message","payload":{"message":"';
  const tail = `","name":"${name}"}}`;
  const text = `${stamp.toString().padStart(19, '0')} `;
  const padding = Math.max(0, options.bytes - head.length - text.length - tail.length);
  return head + text + 'x'.repeat(padding) + tail;
}

function connect(i, roomSize) {
  return new Promise((resolve, reject) => {
    const room = i % options.rooms;
    const socket = new WebSocket(`ws://127.0.0.1:${options.port}/ws/chat/room-${room}/`, { perMessageDeflate: false });
    const client = { socket, name: `c${i}`, recipients: roomSize[room] - 1 };
    socket.on('open', () => resolve(client));
    socket.on('error', (e) => reject(e));
    socket.on('close', () => {
      if (!finished) {
        closedEarly++;
      }
    });
    socket.on('message', (data, isBinary) => {
      const at = now();
      if (isBinary) {
        return;
      }
      const text = data.toString();
      const start = text.indexOf(MARK);
      if (start < 0) {
        return;
      }
      const from = start + MARK.length;
      const stamp = BigInt(text.substring(from, text.indexOf(' ', from)));
      if (inWindow(stamp)) {
        latencies.push(Number(at - stamp) / 1e6);
      }
    });
  });
}

function sendOne(client) {
  const stamp = now();
  // A turn is skipped while the socket still holds unwritten bytes, as a browser tab would queue.
  if (client.socket.readyState !== WebSocket.OPEN || client.socket.bufferedAmount > 0) {
    if (inWindow(stamp)) {
      skipped++;
    }
    return;
  }
  if (inWindow(stamp)) {
    sent++;
    owed += client.recipients;
  }
  client.socket.send(frameOf(client.name, stamp));
}

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return null;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const roomSize = new Array(options.rooms).fill(0);
  for (let i = 0; i < options.clients; i++) {
    roomSize[i % options.rooms]++;
  }
  const clients = [];
  for (let i = 0; i < options.clients; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(options.clients, i + 100); j++) {
      batch.push(connect(j, roomSize));
    }
    clients.push(...(await Promise.all(batch)));
  }
  await sleep(300); // the server joins the last clients to their rooms
  const period = 1000 / options.rate;
  let sending = true;
  for (const client of clients) {
    // Fixed delay after a random phase, so the sends spread over each period.
    setTimeout(function tick() {
      if (sending) {
        sendOne(client);
        setTimeout(tick, period);
      }
    }, Math.random() * period);
  }
  await sleep(options.warmup * 1000);
  const lead = 50_000_000n;
  windowEnd = now() + lead + BigInt(options.seconds) * 1_000_000_000n;
  windowStart = windowEnd - BigInt(options.seconds) * 1_000_000_000n;
  await sleep(Number(lead) / 1e6);
  console.log('window open');
  await sleep(options.seconds * 1000);
  console.log('window closed');
  // Stop every sender, then wait for what is still on its way.
  sending = false;
  await sleep(options.drain * 1000);
  finished = true;
  latencies.sort((a, b) => a - b);
  const result = {
    sent, owed, skipped, delivered: latencies.length, closedEarly,
    p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
  };
  console.log(JSON.stringify(result));
  for (const client of clients) {
    client.socket.terminate();
  }
  process.exit(closedEarly > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`load client failed: ${e.message}`);
  process.exit(1);
});
