import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver answers the n-th request (0-based); `hang` never answers. */
export type Answer = number | 'hang' | { readonly status: number; readonly location: string };

/**
 * A local HTTP receiver on 127.0.0.1, the only network the tests use: it records every request and
 * answers as told. `close()` and `listen()` again on the same port stand for a receiver that is down.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private server: Server | null = null;
  private readonly hanging: ServerResponse[] = [];
  private port = 0;

  constructor(private readonly answer: (index: number) => Answer = () => 200) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/crm`;
  }

  async listen(): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const index = this.received.length;
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = this.answer(index);
        if (answer === 'hang') {
          this.hanging.push(response);
          return;
        }
        if (typeof answer === 'object') response.writeHead(answer.status, { location: answer.location }).end();
        else response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async close(): Promise<void> {
    for (const response of this.hanging.splice(0)) response.destroy();
    const server = this.server;
    this.server = null;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
