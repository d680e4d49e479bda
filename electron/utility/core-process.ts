import { configFromArgv, createCoreHost } from './core-host';

// Entry of the core's Electron utilityProcess (out/main/core-process.js): the SQLite store and every
// service live here, so a long import or PDF never freezes the window. It speaks to the main
// process only through process.parentPort; the protocol is in ./core-host.ts.

/** What Electron puts on `process` in a utility process (typed here: this layer may not import 'electron'). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

if (!parentPort) {
  console.error('core-process: must be started by Electron utilityProcess.fork (process.parentPort is missing).');
  process.exit(2);
} else {
  const port = parentPort;
  const host = createCoreHost({
    // the whole argv: where Electron puts the fork arguments in it is not ours to assume
    config: configFromArgv(process.argv),
    post: (reply) => port.postMessage(reply),
    exit: (code) => process.exit(code),
  });
  port.on('message', (event) => {
    void host.handle(event?.data);
  });
}
