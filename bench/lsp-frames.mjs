// LSP base-protocol framing over a child's stdio ("Content-Length: N\r\n\r\n" + JSON), shared by the node benches.

/** Calls onMessage with each JSON message that arrives on the readable stream. */
export function readFrames(stream, onMessage) {
  let buffer = Buffer.alloc(0);
  stream.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
      buffer = buffer.subarray(end + 4 + length);
      onMessage(message);
    }
  });
}

/** Writes one JSON-RPC message (jsonrpc: '2.0' added) to the writable stream. */
export function writeFrame(stream, message) {
  const json = JSON.stringify({ jsonrpc: '2.0', ...message });
  stream.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
}

/**
 * A minimal LSP client over a spawned server's stdio, shared by the node benches: request (resolves with the result,
 * rejects on an error response), notify, and onMessage for what the server sends unasked. Requests from the server are
 * answered: workspace/configuration with configuration(params) (default: {} per item), anything else with null.
 */
export function connect(child, { configuration = (params) => (params.items ?? []).map(() => ({})) } = {}) {
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  const send = (message) => writeFrame(child.stdin, message);
  readFrames(child.stdout, (message) => {
    if (message.id !== undefined && message.method) {
      send({ id: message.id, result: message.method === 'workspace/configuration' ? configuration(message.params) : null });
    } else if (message.id !== undefined) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiting?.resolve(message.result);
    } else listeners.forEach((listener) => listener(message));
  });
  return {
    request: (method, params) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      send(params === undefined ? { id, method } : { id, method, params });
    }),
    notify: (method, params) => send(params === undefined ? { method } : { method, params }),
    onMessage: (listener) => listeners.push(listener),
  };
}
