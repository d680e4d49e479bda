import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule is what keeps the architecture true; these prove it fails where it must.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../../..') });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result!.messages.filter((m) => m.ruleId === 'policydesk/layers').map((m) => m.message);
}

describe('layer rule', () => {
  it('keeps Node, electron and the core out of shared/', async () => {
    expect(await layerErrors('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', "import { newId } from '../electron/core/ids';\nexport const a = newId;")).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', "import { z } from 'zod';\nexport const a = z;")).toEqual([]);
  });

  it('keeps Node and the core out of the renderer', async () => {
    expect(await layerErrors('renderer/src/x.ts', "import path from 'path';\nexport const a = path;")).toHaveLength(1);
    expect(await layerErrors('renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;")).toHaveLength(1);
    expect(await layerErrors('renderer/src/x.ts', "import { createCore } from '../../electron/core/app/create-core';\nexport const a = createCore;")).toHaveLength(1);
    expect(await layerErrors('renderer/src/x.ts', "import { t } from '@shared/i18n';\nexport const a = t;")).toEqual([]);
  });

  it("lets only electron/main and electron/preload import 'electron'", async () => {
    expect(await layerErrors('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await layerErrors('electron/utility/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await layerErrors('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
    expect(await layerErrors('electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;")).toEqual([]);
  });

  it('keeps the centre (server/) to shared/ and itself: no core, no electron, no UI, no SQLite', async () => {
    expect(await layerErrors('server/x.ts', "import { newId } from '../electron/core/ids';\nexport const a = newId;")).toHaveLength(1);
    expect(await layerErrors('server/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await layerErrors('server/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;")).toHaveLength(1);
    expect(await layerErrors('server/x.ts', "import React from 'react';\nexport const a = React;")).toHaveLength(1);
    expect(await layerErrors('server/x.ts', "import fs from 'node:fs';\nimport pg from 'pg';\nimport { canonicalJson } from '@shared/sync/canonical-json';\nexport const a = [fs, pg, canonicalJson];")).toEqual([]);
  });

  it('keeps the main process from reaching into the core (it runs in the utility process)', async () => {
    expect(await layerErrors('electron/main/x.ts', "import { createCore } from '../core/app/create-core';\nexport const a = createCore;")).toHaveLength(1);
  });
});
