import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '@shared/api/contract';
import { ipcChannel, METHOD_NAME_LIST, METHOD_NAME_LIST_COMPLETE } from '@shared/api/method-names';

// The Electron binary cannot run here, so the preload runs against a stub 'electron' module
// (the one mock these tests allow) and we look at exactly what it hands to the page.

const electron = vi.hoisted(() => ({
  exposed: [] as Array<{ key: string; value: unknown }>,
  invoke: [] as Array<{ channel: string; args: unknown[] }>,
}));

vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      electron.invoke.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
    sendSync: () => {
      throw new Error('the preload must not use ipcRenderer.sendSync');
    },
    on: () => {
      throw new Error('the preload must not listen on ipcRenderer');
    },
  };
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push({ key, value }),
    },
    default: { ipcRenderer },
  };
});

describe('the shared method-name list', () => {
  it('is the contract, name for name and in order', () => {
    expect([...METHOD_NAME_LIST]).toEqual(METHOD_NAMES);
    expect(new Set(METHOD_NAME_LIST).size).toBe(METHOD_NAME_LIST.length);
    expect(METHOD_NAME_LIST_COMPLETE).toBe(true);
  });
});

describe('electron/preload', () => {
  let api: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../electron/preload/index');
    expect(electron.exposed).toHaveLength(1);
    api = (electron.exposed[0]!.value as { api: Record<string, unknown> }).api;
  });

  it("exposes only window.policyDesk = { api }", () => {
    const [only] = electron.exposed;
    expect(only!.key).toBe('policyDesk');
    expect(Object.keys(only!.value as object)).toEqual(['api']);
  });

  it('has exactly one function per contract method and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof api[name], name).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("never hands out ipcRenderer or anything with send/on", () => {
    const values = Object.values(api);
    for (const v of values) {
      expect(v).not.toHaveProperty('invoke');
      expect(v).not.toHaveProperty('send');
      expect(v).not.toHaveProperty('on');
    }
  });

  it("calls ipcRenderer.invoke('api:' + name, input) and returns its promise", async () => {
    for (const name of METHOD_NAMES) {
      electron.invoke.length = 0;
      const input = { probe: name };
      const fn = api[name] as (input: unknown) => Promise<unknown>;
      await expect(fn(input)).resolves.toEqual({ ok: true, value: `api:${name}` });
      expect(electron.invoke).toEqual([{ channel: `api:${name}`, args: [input] }]);
      expect(ipcChannel(name)).toBe(`api:${name}`);
    }
  });
});

describe('the built preload (out/preload/index.cjs)', () => {
  const bundle = path.resolve(import.meta.dirname, '../../out/preload/index.cjs');

  it.skipIf(!fs.existsSync(bundle))('requires nothing but electron and carries no zod', () => {
    const source = fs.readFileSync(bundle, 'utf8');
    expect(source).not.toMatch(/zod/i);
    const required: string[] = [];
    const exposed: Array<{ key: string; value: { api: Record<string, unknown> } }> = [];
    const stub = {
      contextBridge: { exposeInMainWorld: (key: string, value: { api: Record<string, unknown> }) => exposed.push({ key, value }) },
      ipcRenderer: { invoke: () => Promise.resolve(null) },
    };
    const fakeRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return stub;
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', source)(fakeRequire, module, module.exports);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(exposed.map((e) => e.key)).toEqual(['policyDesk']);
    expect(Object.keys(exposed[0]!.value.api).sort()).toEqual([...METHOD_NAMES].sort());
  });
});
