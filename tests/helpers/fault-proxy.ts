import net from 'node:net';
import { seeded } from '../fault/seed';

// A TCP proxy on 127.0.0.1 between a workstation and the centre that misbehaves as a bad network
// does, by a seeded random draw (the same seed, the same faults in the same order of connections):
//   drop      — the connection is closed at its first request, nothing answered
//   reset     — after some bytes one way, both sides get a TCP RST (socket.resetAndDestroy)
//   truncate  — after some bytes of the answer, the connection is ended cleanly (a short body)
//   delay     — a chunk is held back a while (order kept)
// A connection draws one fault (or none) when it opens; delays are drawn per chunk.

export interface FaultRates {
  /** each a probability per connection; their sum ≤ 1 */
  drop: number;
  reset: number;
  truncate: number;
  /** probability per chunk, and the longest hold */
  delay: number;
  maxDelayMs: number;
  /** a reset or truncation lands within this many bytes of its direction (default 4 MiB), log-uniformly:
   *  as likely in a small push as in the middle of a large upload */
  withinBytes?: number;
}

export const NO_FAULTS: FaultRates = { drop: 0, reset: 0, truncate: 0, delay: 0, maxDelayMs: 0 };

export interface FaultCounts {
  connections: number;
  dropped: number;
  reset: number;
  truncated: number;
  delayed: number;
}

type Fault = { kind: 'drop' } | { kind: 'reset' | 'truncate'; up: boolean; atByte: number } | null;

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

  private draw(): Fault {
    const r = this.rates;
    const x = this.random();
    const atByte = Math.floor(Math.exp(this.random() * Math.log(r.withinBytes ?? 4 * 1024 * 1024)));
    const up = this.random() < 0.5;
    if (x < r.drop) return { kind: 'drop' };
    if (x < r.drop + r.reset) return { kind: 'reset', up, atByte };
    // a truncated request would only leave the centre waiting: truncation is of answers
    if (x < r.drop + r.reset + r.truncate) return { kind: 'truncate', up: false, atByte };
    return null;
  }

  private connect(client: net.Socket): void {
    this.counts.connections++;
    const fault = this.draw();
    this.track(client);
    if (fault?.kind === 'drop') {
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
    this.forward(client, upstream, fault?.up === true ? fault : null);
    this.forward(upstream, client, fault && !fault.up ? fault : null);
  }

  /** Passes bytes from → to, in order, delaying chunks and applying the connection's fault on the way. */
  private forward(from: net.Socket, to: net.Socket, fault: Exclude<Fault, { kind: 'drop' } | null> | null): void {
    let sent = 0;
    let done = false;
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const hold = this.random() < this.rates.delay ? Math.floor(this.random() * this.rates.maxDelayMs) : 0;
      queue = queue.then(async () => {
        if (done || to.destroyed) return;
        if (hold > 0) {
          this.counts.delayed++;
          await new Promise((r) => setTimeout(r, hold));
        }
        if (fault && sent + chunk.length > fault.atByte) {
          done = true;
          to.write(chunk.subarray(0, fault.atByte - sent));
          if (fault.kind === 'reset') {
            this.counts.reset++;
            from.resetAndDestroy();
            to.resetAndDestroy();
          } else {
            this.counts.truncated++;
            to.end();
            from.destroy();
          }
          return;
        }
        sent += chunk.length;
        to.write(chunk);
      });
    });
    from.on('end', () => void queue.then(() => (done || to.destroyed ? undefined : to.end())));
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }
}
