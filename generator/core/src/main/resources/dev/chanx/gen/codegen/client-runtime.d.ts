/** One problem the server found in a frame, in Chanx's (Pydantic's) shape. */
export interface ChanxValidationError {
  type: string;
  loc: (string | number)[];
  msg: string;
}

/** An error frame from the server: the validation errors of a frame, or a detail sentence. */
export type ChanxErrorFrame =
  | { kind: "validation"; errors: ChanxValidationError[] }
  | { kind: "detail"; detail: string; reason?: "unknown_topic" | "unauthorized" | "not_subscribed" };

/** An error frame that answered a request, or a request that got no reply. */
export declare class ChanxError extends Error {
  constructor(message: string, error?: ChanxErrorFrame);
  /** The error frame, when the server sent one. */
  readonly error?: ChanxErrorFrame;
}

/**
 * Reconnecting with backoff (milliseconds): each delay is drawn between 0 and a ceiling that doubles
 * from initialDelay up to maxDelay; after 1013 (try again later) between maxDelay / 2 and maxDelay.
 * maxAttempts failed attempts in a row end it.
 */
export interface ChanxReconnect {
  initialDelay?: number;
  maxDelay?: number;
  maxAttempts?: number;
}

/** How a client connects. */
export interface ChanxClientOptions {
  /** The server, such as "ws://localhost:8000"; in a browser, the page's host by default. */
  url?: string;
  /** Query parameters added to the address. */
  query?: { [name: string]: string | number | boolean | (string | number | boolean)[] };
  /**
   * Retry the first connect and connect again after a lost connection: true for the defaults
   * (250 ms up to 10 s). Never after close(), nor after 1000, 1002, 1003, 1007, 1008 or 4000-4999.
   */
  reconnect?: boolean | ChanxReconnect;
  /** How long a request waits for its reply, in milliseconds (30000). */
  requestTimeout?: number;
  /**
   * Milliseconds without a message from the server after which it is taken for dead (closed as
   * 1006, then reconnected); 0 (the default) never. Browsers answer pings without telling the
   * page, so set it only when the server sends messages more often than this.
   */
  serverTimeout?: number;
  /** WebSocket subprotocols. */
  protocols?: string | string[];
  /** The WebSocket class, where there is no global one. */
  WebSocket?: new (url: string, protocols?: string | string[]) => unknown;
}

/** How a connection that was open ended. */
export interface ChanxCloseEvent {
  code: number;
  reason: string;
  /** Whether the client will connect again. */
  reconnecting: boolean;
}

/** How recovering a group went when the client connected (recoverable channels only). */
export interface ChanxRecovery {
  group: string;
  /** new (first connection), recovered (the missed frames follow) or failed (frames may be missing). */
  status: "new" | "recovered" | "failed";
  /** Why it failed: epoch_changed, window_exceeded or unknown_position; null otherwise. */
  reason: string | null;
  /** How many missed frames follow, when recovered. */
  missed: number;
}

/** What happens to a connection; every handler is optional. */
export interface ChanxHandlers {
  onOpen?(): void;
  onClose?(event: ChanxCloseEvent): void;
  /** An error frame that answers no request. */
  onError?(error: ChanxErrorFrame): void;
  /** A frame that is none of the channel's messages (parsed, or its text when it is no JSON object). */
  onUnreadable?(frame: unknown): void;
  /** An attempt to connect failed (the first, or one after a lost connection). */
  onFailure?(error: ChanxError): void;
  /** How recovering a group went, once per joined group after each connect; failed means frames may be missing. */
  onRecovery?(recovery: ChanxRecovery): void;
}

/** A connection to one channel; each channel's client class adds typed helpers. */
export declare class ChanxClient<C, S> {
  protected constructor(channel: unknown, options?: ChanxClientOptions, handlers?: ChanxHandlers);
  /** Where the client connects. */
  readonly url: string;
  /** Resolves when the first connection is open; rejects when connecting is given up. */
  readonly opened: Promise<void>;
  /** Resolves when the client is closed for good. */
  readonly closed: Promise<void>;
  /** Whether a connection is open now. */
  readonly isOpen: boolean;
  /** Sends a frame; throws a ChanxError when no connection is open. */
  send(message: C): void;
  /** Sends a frame with a fresh ref; resolves with the reply that carries it. */
  request(message: C, timeout?: number): Promise<S>;
  /** Closes with a code and reason and stops reconnecting. */
  close(code?: number, reason?: string): Promise<void>;
  /** The handle of a topic on this connection (Chanx 2.10 topics), the same for the same topic string. */
  topic(name: string): ChanxTopic;
}

/**
 * One topic on a client's connection: subscribed again after each reconnect once subscribed. A
 * client's topic accessors (such as room(roomName)) give it the topic's message types: C what a
 * client may send on it, S what the server may send on it.
 */
export declare class ChanxTopic<C = object, S = object> {
  /** The topic string, such as "room:lobby". */
  readonly name: string;
  /** Whether it is subscribed, or is to be subscribed again after a reconnect. */
  readonly subscribed: boolean;
  /** Subscribes; resolves with the confirmation, rejects with a ChanxError (reason in its payload). */
  subscribe(): Promise<object>;
  /** Unsubscribes; resolves with the confirmation. */
  unsubscribe(): Promise<object>;
  /** Sends a message on this topic. */
  send(message: C): void;
  /** Sends a message on this topic with a fresh ref; resolves with the reply that carries it. */
  request(message: C, timeout?: number): Promise<S>;
  /** Adds a listener of what the server sends on this topic (with the envelope's topic and seq). */
  on(listener: (frame: S & { topic: string; seq?: number }) => void): this;
}
