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
