import type { ServerResponse } from 'node:http';

/** Server-sent events to every open page: each message is `{ event, payload }` as JSON. */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A comment line flushes the headers, so EventSource reports "open" at once.
    res.write(': connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send(event: string, payload: unknown): void {
    // JSON never contains a raw newline, so one `data:` line carries the whole message.
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of this.clients) res.write(frame);
  }

  closeAll(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
