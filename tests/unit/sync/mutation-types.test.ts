import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACK_OFFICE_OPS, checkMutation, MUTATION_TYPES } from '@shared/sync/mutation-types';

// The registry of what a workstation may push (shared/sync/mutation-types.ts) against the code that
// makes outbox entries: every recordChange with a payload in electron/core names a known entity/op.

const CORE = path.join(import.meta.dirname, '../../../electron/core');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('mutation registry', () => {
  it('knows every entity and op the core puts in the outbox', () => {
    const found: [string, string][] = [];
    for (const file of sourceFiles(CORE)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/recordChange\([^{]*\{([^;]*?)\}\)/gs)) {
        const call = m[1]!;
        if (!/\bpayload\b/.test(call)) continue;
        const entity = /entity: '([a-z_]+)'/.exec(call)?.[1];
        const op = /action: '([a-z_]+)'/.exec(call)?.[1];
        if (entity && op) found.push([entity, op]);
      }
      // the application service records its events through this.record(r, staff, '<kind>', …)
      for (const m of text.matchAll(/this\.record\([^,]+, [^,]+, '([a-z_]+)'/g)) found.push(['application', m[1]!]);
    }
    expect(found.length).toBeGreaterThan(15);
    for (const [entity, op] of found) {
      const type = (MUTATION_TYPES as Record<string, { ops: readonly string[] }>)[entity];
      expect(type?.ops, `${entity}:${op}`).toContain(op);
    }
  });

  it('refuses unknown kinds, non-object payloads and payloads about another record', () => {
    expect(checkMutation({ entity: 'x', entityId: '1', op: 'create', payload: {} })).toMatchObject({ ok: false, code: 'unknown_entity' });
    expect(checkMutation({ entity: 'ticket', entityId: '1', op: 'delete', payload: { id: '1' } })).toMatchObject({ ok: false, code: 'unknown_op' });
    for (const payload of [null, 'text', 3, [{ id: '1' }]]) {
      expect(checkMutation({ entity: 'ticket', entityId: '1', op: 'create', payload })).toMatchObject({ ok: false, code: 'invalid_payload' });
    }
    expect(checkMutation({ entity: 'ticket', entityId: '1', op: 'create', payload: { id: '2' } })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(checkMutation({ entity: 'application', entityId: 'a', op: 'routed', payload: { id: 'a' } })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(checkMutation({ entity: 'application', entityId: 'a', op: 'routed', payload: { id: 'a', department: '区科技局' } }).ok).toBe(true);
    expect(checkMutation({ entity: 'enterprise_tag', entityId: 'U', op: 'tag_remove', payload: { uscc: 'U', tag: 't', removedAt: '2026-11-27T00:00:00.000Z' } }).ok).toBe(true);
    for (const op of BACK_OFFICE_OPS) expect(checkMutation({ entity: 'application', entityId: 'a', op, payload: { id: 'a' } }).ok).toBe(true);
  });
});
