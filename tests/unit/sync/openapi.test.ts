import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument, openApiText } from '../../../server/openapi/generate';

// docs/openapi.json is generated from shared/sync/protocol.ts: the committed file must be what the
// generator makes now (run `npm run openapi` after changing the protocol).

describe('docs/openapi.json', () => {
  it('is up to date with shared/sync/protocol.ts', () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/openapi.json'), 'utf8');
    expect(committed, 'docs/openapi.json is stale: run `npm run openapi`').toBe(openApiText());
  });

  it('describes every endpoint of the protocol, with the device credential where it is needed', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { security?: unknown[] }>>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(['/v1/health', '/v1/enrol', '/v1/push', '/v1/changes', '/v1/day-close', '/v1/uploads', '/v1/uploads/{id}', '/v1/blobs/{sha256}']);
    expect(doc.paths['/v1/enrol']!.post!.security).toEqual([]);
    expect(doc.paths['/v1/push']!.post!.security).toEqual([{ device: [] }]);
    for (const name of ['PushRequest', 'Mutation', 'PushResponse', 'MutationResult', 'PullResponse', 'DayCloseRequest', 'DayCloseResponse', 'SyncErrorBody']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });
});
