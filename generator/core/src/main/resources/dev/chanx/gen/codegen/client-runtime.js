// The client machinery, the same in every generated module: connect, send, match replies by
// ref, reconnect with backoff and full jitter. The channel classes below it only add typed helpers.

/** An error frame that answered a request, or a request that got no reply. */
export class ChanxError extends Error {
  constructor(message, error) {
    super(message);
    this.name = "ChanxError";
    /** The error frame: {kind: "validation", errors} or {kind: "detail", detail}; absent otherwise. */
    this.error = error;
  }
}

function errorFrame(frame) {
  if (frame.action !== "error") return null;
  const payload = frame.payload;
  if (Array.isArray(payload)) return { kind: "validation", errors: payload };
  if (payload && typeof payload === "object" && typeof payload.detail === "string") {
    // A topic's refusal also says why: unknown_topic, unauthorized or not_subscribed.
    return typeof payload.reason === "string" ? { kind: "detail", detail: payload.detail, reason: payload.reason }
      : { kind: "detail", detail: payload.detail };
  }
  return null;
}

function describe(error) {
  if (error.kind === "detail") return error.detail;
  return error.errors.map((e) => `${e.type} at ${JSON.stringify(e.loc)}: ${e.msg}`).join("; ");
}

function channelUrl(address, options) {
  let base = options.url;
  if (base === undefined) {
    if (!globalThis.location) throw new TypeError("chanx: options.url is needed outside a browser");
    base = (globalThis.location.protocol === "https:" ? "wss://" : "ws://") + globalThis.location.host;
  }
  const path = options.path ?? {};
  const filled = address.replace(/^\//, "").replace(/\{([^{}]+)\}/g, (placeholder, name) => {
    const value = path[name];
    if (value === undefined || value === null) throw new TypeError(`chanx: no value for path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(base);
  url.pathname = url.pathname.replace(/\/?$/, "/") + filled;
  for (const [name, value] of Object.entries(options.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(one));
  }
  return url.toString();
}

// Whether a value fits a draft-07 JSON Schema, {"$ref": key} naming one of defs: how a frame that no
// tag or key picks finds its message, the first whose schema it fits, as the Java client reads it.
// Keywords that only describe (format, title, examples...) are not checked.
function fits(schema, value, defs) {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (typeof schema.$ref === "string") return fits(defs[schema.$ref] ?? true, value, defs);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => isType(type, value))) return false;
  }
  if ("const" in schema && !same(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((one) => same(one, value))) return false;
  if (schema.allOf && !schema.allOf.every((s) => fits(s, value, defs))) return false;
  if (schema.anyOf && !schema.anyOf.some((s) => fits(s, value, defs))) return false;
  if (schema.oneOf && schema.oneOf.filter((s) => fits(s, value, defs)).length !== 1) return false;
  if (schema.not !== undefined && fits(schema.not, value, defs)) return false;
  if (typeof value === "string") {
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      const length = [...value].length;  // code points, as JSON Schema counts
      if (length < (schema.minLength ?? 0) || length > (schema.maxLength ?? Infinity)) return false;
    }
    if (typeof schema.pattern === "string" && !matches(schema.pattern, value)) return false;
  } else if (typeof value === "number") {
    if (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)) return false;
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) return false;
    if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum) return false;
    if (typeof schema.multipleOf === "number") {
      // Within binary floating point's error: 0.0075 is a multiple of 0.0001.
      const quotient = value / schema.multipleOf;
      if (!(Math.abs(quotient - Math.round(quotient)) < 1e-9)) return false;
    }
  } else if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity)) return false;
    const items = schema.items;
    if (Array.isArray(items)) {
      if (!value.every((one, i) => fits(i < items.length ? items[i] : schema.additionalItems, one, defs))) return false;
    } else if (items !== undefined && !value.every((one) => fits(items, one, defs))) {
      return false;
    }
  } else if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length < (schema.minProperties ?? 0) || keys.length > (schema.maxProperties ?? Infinity)) return false;
    if (Array.isArray(schema.required) && schema.required.some((key) => !Object.hasOwn(value, key))) return false;
    const properties = schema.properties ?? {};
    const patterns = Object.entries(schema.patternProperties ?? {});
    for (const key of keys) {
      let known = Object.hasOwn(properties, key);
      if (known && !fits(properties[key], value[key], defs)) return false;
      for (const [pattern, inner] of patterns) {
        if (matches(pattern, key)) {
          known = true;
          if (!fits(inner, value[key], defs)) return false;
        }
      }
      if (!known && schema.additionalProperties !== undefined && !fits(schema.additionalProperties, value[key], defs)) {
        return false;
      }
    }
  }
  return true;
}

function isType(type, value) {
  switch (type) {
    case "null": return value === null;
    case "boolean": return typeof value === "boolean";
    case "string": return typeof value === "string";
    case "number": return typeof value === "number";
    case "integer": return Number.isInteger(value);
    case "array": return Array.isArray(value);
    case "object": return value !== null && typeof value === "object" && !Array.isArray(value);
    default: return true;
  }
}

function same(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]));
}

// Each pattern is compiled once; one JavaScript cannot compile checks nothing, rather than
// refusing every frame.
const patterns = new Map();
function matches(pattern, text) {
  if (!patterns.has(pattern)) {
    try {
      patterns.set(pattern, new RegExp(pattern, "u"));
    } catch {
      patterns.set(pattern, null);
    }
  }
  const compiled = patterns.get(pattern);
  return compiled === null || compiled.test(text);
}

function reconnectPolicy(option) {
  if (!option) return null;
  const given = option === true ? {} : option;
  return {
    initialDelay: given.initialDelay ?? 250,
    maxDelay: given.maxDelay ?? 10000,
    maxAttempts: given.maxAttempts ?? Infinity,
  };
}

// Closes after which the same request would get the same answer: normal closure, protocol errors,
// policy violation, and the application's codes (such as an authentication refused).
function forbidsRetry(code) {
  return code === 1000 || code === 1002 || code === 1003 || code === 1007 || code === 1008
    || (code >= 4000 && code <= 4999);
}

// Full jitter: anywhere between 0 and a ceiling that doubles per attempt, so that the clients of a
// restarted server spread over the whole window. Try again later (1013) waits between half the
// largest delay and all of it.
function retryDelay(policy, attempt, code) {
  if (code === 1013) return policy.maxDelay - Math.random() * policy.maxDelay / 2;
  return Math.random() * Math.min(policy.maxDelay, policy.initialDelay * 2 ** (attempt - 1));
}

/**
 * A connection to one channel. Each server frame completes the request whose ref it carries, or
 * else goes to a handler: error frames to onError, messages to their on<Message> handler, anything
 * else to onUnreadable. With options.reconnect the first connect is retried and a lost connection
 * made again, with backoff (not after a close the client asked for, nor after 1000, 1002, 1003,
 * 1007, 1008 or 4000-4999 from the server). A browser answers the server's pings itself but never
 * shows them to the page, so a dead server is noticed only through options.serverTimeout: no
 * message for that long and the socket is given up (1006) and made again. Set it only when the
 * server sends messages more often than that. On a channel whose group sends are recoverable the
 * client keeps the last position (the pos key, taken off each frame) of each group and presents
 * them as chanx_recover when it connects again, so the server replays what it missed; how that
 * went comes to onRecovery, once per group.
 */
export class ChanxClient {
  #channel;
  #options;
  #handlers;
  #url;
  #reconnect;
  #WebSocket;
  #socket = null;
  #pending = new Map();
  #topics = new Map();
  #refs = 0;
  #positions = {};
  #attempts = 0;
  #closing = false;
  #timer = undefined;
  #silence = undefined;
  #opened;
  #resolveOpened;
  #rejectOpened;
  #closed;
  #resolveClosed;

  constructor(channel, options = {}, handlers = {}) {
    this.#channel = channel;
    this.#options = options;
    this.#handlers = handlers;
    this.#url = channelUrl(channel.address, options);
    this.#reconnect = reconnectPolicy(options.reconnect);
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (typeof this.#WebSocket !== "function") {
      throw new TypeError("chanx: no WebSocket here; pass options.WebSocket (Node 20: --experimental-websocket)");
    }
    this.#closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
    this.#opened = new Promise((resolve, reject) => {
      this.#resolveOpened = resolve;
      this.#rejectOpened = reject;
    });
    this.#open();
    // Callers who never await opened should not see an unhandled rejection.
    this.#opened.catch(() => {});
  }

  /** Where the client connects. */
  get url() { return this.#url; }

  /** Resolves when the first connection is open; rejects when connecting is given up. */
  get opened() { return this.#opened; }

  /** Resolves when the client is closed for good. */
  get closed() { return this.#closed; }

  /** Whether a connection is open now. */
  get isOpen() { return this.#socket !== null && this.#socket.readyState === 1; }

  /** Sends a frame; throws a ChanxError when no connection is open. */
  send(message) {
    this.#write(message);
  }

  /** Sends a frame with a fresh ref; resolves with the reply that carries it, rejects with a ChanxError. */
  request(message, timeout = this.#options.requestTimeout ?? 30000) {
    const ref = String(++this.#refs);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(ref);
        reject(new ChanxError(`chanx: no reply to ref ${ref} within ${timeout} ms`));
      }, timeout);
      this.#pending.set(ref, { resolve, reject, timer });
      try {
        this.#write({ ...message, ref });
      } catch (e) {
        clearTimeout(timer);
        this.#pending.delete(ref);
        reject(e);
      }
    });
  }

  /** The handle of a topic on this connection (Chanx 2.10 topics), the same for the same topic string. */
  topic(name) {
    let handle = this.#topics.get(name);
    if (handle === undefined) {
      handle = new ChanxTopic(this, name);
      this.#topics.set(name, handle);
    }
    return handle;
  }

  /** Closes with a code and reason and stops reconnecting; resolves when closed. */
  close(code = 1000, reason = "") {
    this.#closing = true;
    clearTimeout(this.#timer);
    if (this.#socket !== null && this.#socket.readyState <= 1) {
      this.#socket.close(code, reason);
    } else {
      this.#giveUp();
    }
    return this.#closed;
  }

  // Bytes (an ArrayBuffer or a view of one) go in a binary frame; anything else is JSON text.
  #write(frame) {
    if (!this.isOpen) throw new ChanxError(`chanx: not connected to ${this.#url}`);
    const bytes = frame instanceof ArrayBuffer || ArrayBuffer.isView(frame);
    this.#socket.send(bytes ? frame : JSON.stringify(frame));
  }

  #open() {
    const socket = new this.#WebSocket(this.#present(), this.#options.protocols);
    let wasOpen = false;
    this.#socket = socket;
    socket.binaryType = "arraybuffer";
    socket.onopen = () => {
      wasOpen = true;
      this.#attempts = 0;
      if (this.#closing) {
        socket.close(1000, "");
        return;
      }
      this.#heard(socket, end);
      this.#resolveOpened();
      this.#call("onOpen");
      // After a reconnect: every subscribed topic again, the frames sent at once.
      for (const handle of this.#topics.values()) {
        if (handle.subscribed) handle.subscribe().catch(() => {});
      }
    };
    socket.onmessage = (event) => {
      this.#heard(socket, end);
      this.#receive(event.data);
    };
    let ended = false;
    const end = (code, reason) => {
      if (ended) return;
      ended = true;
      clearTimeout(this.#silence);
      if (this.#socket === socket) this.#socket = null;
      this.#failPending(code);
      const reconnecting = !this.#closing && this.#reconnect !== null && this.#attempts < this.#reconnect.maxAttempts
        && !forbidsRetry(code);
      if (wasOpen) this.#call("onClose", { code, reason, reconnecting });
      else this.#call("onFailure", new ChanxError(`chanx: could not connect to ${this.#url} (${code})`));
      if (reconnecting) this.#again(code);
      else this.#giveUp();
    };
    socket.onclose = (event) => end(event.code, event.reason);
    // A failed connection may report only an error (Node 20's WebSocket does); an open one also closes.
    socket.onerror = () => {
      if (!wasOpen) end(1006, "");
    };
  }

  // Restarts the wait for the server's next message; a server silent past it is given up.
  #heard(socket, end) {
    const timeout = this.#options.serverTimeout ?? 0;
    if (timeout <= 0) return;
    clearTimeout(this.#silence);
    this.#silence = setTimeout(() => {
      // A dead peer never answers a close: give the socket up here, not when the browser does.
      socket.onclose = socket.onerror = socket.onmessage = null;
      socket.close();
      end(1006, `chanx: no message from the server in ${timeout} ms`);
    }, timeout);
  }

  // The URL with the last position in each recoverable group, when there are any.
  #present() {
    if (Object.keys(this.#positions).length === 0) return this.#url;
    const url = new URL(this.#url);
    url.searchParams.set("chanx_recover", JSON.stringify(this.#positions));
    return url.toString();
  }

  #note(group, position) {
    if (position !== null && typeof position === "object" && typeof position.epoch === "string"
        && Number.isInteger(position.offset)) {
      this.#positions[group] = { epoch: position.epoch, offset: position.offset };
    }
  }

  #again(code) {
    this.#attempts += 1;
    this.#timer = setTimeout(() => this.#open(), retryDelay(this.#reconnect, this.#attempts, code));
  }

  #giveUp() {
    this.#rejectOpened(new ChanxError(`chanx: could not connect to ${this.#url}`));
    this.#resolveClosed();
  }

  #receive(data) {
    if (typeof data !== "string") {
      // A binary frame goes to the channel's one binary message, as a Uint8Array.
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
        : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
      if (bytes !== null && this.#channel.binary) this.#call(this.#channel.binary, bytes);
      else this.#call("onUnreadable", data);
      return;
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      this.#call("onUnreadable", data);
      return;
    }
    if (frame === null || typeof frame !== "object" || Array.isArray(frame)) {
      // A JSON value that is no object goes to the first value message of its JSON type.
      const type = Array.isArray(frame) ? "array" : typeof frame;
      const value = frame === null ? undefined
        : (this.#channel.values ?? []).find(([kind]) => kind === type || kind === "any");
      if (value) this.#call(value[1], frame);
      else this.#call("onUnreadable", data);
      return;
    }
    if (frame.pos !== null && typeof frame.pos === "object") {
      for (const [group, position] of Object.entries(frame.pos)) this.#note(group, position);
    }
    delete frame.pos;
    if (frame.action === "recovery" && frame.payload !== null && typeof frame.payload === "object") {
      for (const [group, outcome] of Object.entries(frame.payload)) {
        this.#note(group, outcome);
        this.#call("onRecovery", { group, status: outcome.status, reason: outcome.reason ?? null,
          missed: outcome.missed ?? 0 });
      }
      return;
    }
    const ref = frame.ref;
    delete frame.ref;
    const error = errorFrame(frame);
    const pending = ref === undefined || ref === null ? undefined : this.#pending.get(String(ref));
    if (pending !== undefined) {
      this.#pending.delete(String(ref));
      clearTimeout(pending.timer);
      if (error) pending.reject(new ChanxError(describe(error), error));
      else pending.resolve(frame);
      return;
    }
    if (error) {
      this.#call("onError", error);
      return;
    }
    if (typeof frame.topic === "string") {
      const handle = this.#topics.get(frame.topic);
      if (handle !== undefined) handle.deliver(frame);
      else this.#call("onUnreadable", frame);
      return;
    }
    const handler = this.#handlerOf(frame);
    if (!handler) {
      this.#call("onUnreadable", frame);
      return;
    }
    const reply = this.#call(handler, frame);
    // The server sent a request: what the handler returns (or resolves to) is the reply, with its ref.
    if (this.#channel.answers.includes(handler)) this.#answer(reply, ref, handler);
  }

  async #answer(reply, ref, handler) {
    try {
      const message = await reply;
      if (message === undefined || message === null) return;
      this.#write(ref === undefined || ref === null ? message : { ...message, ref });
    } catch (e) {
      console.error(`chanx: the reply of handler ${handler} failed`, e);
    }
  }

  // The discriminator's value, else a key only one message has, else the first of the other messages
  // whose schema the frame fits; none: the frame is unreadable.
  #handlerOf(frame) {
    for (const [property, value, handler] of this.#channel.receives) {
      if (frame[property] === value) return handler;
    }
    for (const [key, handler] of this.#channel.keys) {
      if (Object.hasOwn(frame, key)) return handler;
    }
    for (const [handler, schema] of this.#channel.untagged) {
      if (fits(schema, frame, this.#channel.defs)) return handler;
    }
    return undefined;
  }

  #failPending(code) {
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(new ChanxError(`chanx: the connection closed (${code}) before the reply came`));
    }
    this.#pending.clear();
  }

  #call(name, ...args) {
    const handler = this.#handlers[name];
    if (typeof handler !== "function") return;
    try {
      return handler.apply(this.#handlers, args);
    } catch (e) {
      console.error(`chanx: handler ${name} failed`, e);
      return undefined;
    }
  }
}

/**
 * One topic on a client's connection, Chanx 2.10's topic handle: subscribe and unsubscribe
 * (resolved when the server confirms, rejected with a ChanxError whose payload has the reason),
 * send and request on the topic, and listeners of what the server sends on it. Once subscribed it
 * is subscribed again after each reconnect.
 */
/**
 * One topic on a client's connection. Its types (what a client may send, what the server may
 * send) are in the declarations beside the module, per topic: a client's accessor such as
 * room(roomName) returns ChanxTopic<Room.RoomClientMessage, Room.RoomServerMessage>.
 *
 * @template C, S
 */
export class ChanxTopic {
  #client;
  #listeners = [];
  subscribed = false;

  constructor(client, name) {
    this.#client = client;
    this.name = name;
  }

  /** Subscribes; resolves with the confirmation. */
  subscribe() {
    this.subscribed = true;
    return this.#client.request({ version: 1, topic: this.name, action: "subscribe" }).catch((e) => {
      this.subscribed = false;
      throw e;
    });
  }

  /** Unsubscribes; resolves with the confirmation. */
  unsubscribe() {
    this.subscribed = false;
    return this.#client.request({ version: 1, topic: this.name, action: "unsubscribe" });
  }

  /**
   * Sends a message on this topic.
   *
   * @param {C} message
   */
  send(message) {
    this.#client.send({ ...message, version: 1, topic: this.name });
  }

  /**
   * Sends a message on this topic with a fresh ref; resolves with the reply that carries it.
   *
   * @param {C} message
   * @param {number} [timeout]
   * @returns {Promise<S>}
   */
  request(message, timeout) {
    return this.#client.request({ ...message, version: 1, topic: this.name }, timeout);
  }

  /**
   * Adds a listener of the frames the server sends on this topic that answer no request.
   *
   * @param {(frame: S & { topic: string, seq?: number }) => void} listener
   * @returns {this}
   */
  on(listener) {
    this.#listeners.push(listener);
    return this;
  }

  /** A frame of this topic (called by the client). */
  deliver(frame) {
    for (const listener of this.#listeners) {
      try {
        listener(frame);
      } catch (e) {
        console.error(`chanx: a listener of topic ${this.name} failed`, e);
      }
    }
  }
}
