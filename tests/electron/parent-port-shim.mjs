// Loaded with `node --import` to run the built core-process.js in plain Node: stands in for
// Electron's process.parentPort over child_process IPC (tests/unit/electron-core-process.test.ts).
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
process.parentPort = {
  on(event, listener) {
    port.on(event, listener);
    return this;
  },
  postMessage(message) {
    process.send?.(message);
  },
};
process.on('message', (message) => port.emit('message', { data: message, ports: [] }));
