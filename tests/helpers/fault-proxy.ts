import net from 'node:net';
import { seeded } from '../fault/seed';

// A TCP proxy on 127.0.0.1 between a workstation and the centre that misbehaves as a bad network
// does, by a seeded random draw (the same seed, the same faults in the same order of events):
//   drop      — per connection: closed at its first request, nothing answered
//   reset     — per chunk, either way: part of the chunk goes, then both sides get a TCP RST
//               (socket.resetAndDestroy) — a push or an upload cut in the middle
//   truncate  — per chunk of an answer: part of it goes, then the connection is ended cleanly (a
//               short body)
//   delay     — per chunk: held back a while (order kept)

export interface FaultRates {
  /** probability per connection */
  drop: number;
  /** probabilities per chunk (a chunk is what one read of the socket gave: up to 64 KiB) */
  reset: number;
  truncate: number;
  delay: number;
  /** the longest hold of a delayed chunk */
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = { drop: 0, reset: 0, truncate: 0, delay: 0, maxDelayMs: 0 };

export interface FaultCounts {
  connections: number;
  dropped: number;
  reset: number;
  truncated: number;
  delayed: number;
}

export class FaultProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly random: () => number;
  port = 0;
  rates: FaultRates;
  readonly counts: FaultCounts = { connections: 0, dropped: 0, reset: 0, truncated: 0, delayed: 0 };

  constructor(private readonly target: { host: string; port: number }, opts: { seed: number; rates?: FaultRates }) {
    this.random = seeded(opts.seed);
    this.rates = opts.rates ?? NO_FAULTS;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private dropDealt = false;

  private connect(client: net.Socket): void {
    this.counts.connections++;
    this.track(client);
    // the first connection once drops are on is dropped, then at random: a fast run opens few
    // connections (a kept-alive one carries many requests), and a seed had dropped none of 41
    const drop = this.rates.drop > 0 && (!this.dropDealt || this.random() < this.rates.drop);
    if (drop) {
      this.dropDealt = true;
      client.once('data', () => {
        this.counts.dropped++;
        client.destroy();
      });
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(upstream);
    // an error on one side ends both; a clean end is passed on once the delayed chunks are out
    const fail = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', fail);
    upstream.on('error', fail);
    this.forward(client, upstream, false);
    this.forward(upstream, client, true);
  }

  /** Passes bytes from → to in order, drawing for each chunk whether to delay, reset or (an answer) truncate it. */
  private forward(from: net.Socket, to: net.Socket, answer: boolean): void {
    let done = false;
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const r = this.rates;
      const hold = this.random() < r.delay ? Math.floor(this.random() * r.maxDelayMs) : 0;
      const x = this.random();
      const cut = x < r.reset ? 'reset' : answer && x < r.reset + r.truncate ? 'truncate' : null;
      const at = Math.floor(this.random() * chunk.length);
      queue = queue.then(async () => {
        if (done || to.destroyed) return;
        if (hold > 0) {
          this.counts.delayed++;
          await new Promise((resolve) => setTimeout(resolve, hold));
          if (done || to.destroyed) return;
        }
        if (!cut) {
          to.write(chunk);
          return;
        }
        done = true;
        to.write(chunk.subarray(0, at));
        if (cut === 'reset') {
          this.counts.reset++;
          from.resetAndDestroy();
          to.resetAndDestroy();
        } else {
          this.counts.truncated++;
          to.end();
          from.destroy();
        }
      });
    });
    from.on('end', () => void queue.then(() => (done || to.destroyed ? undefined : to.end())));
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }
}
