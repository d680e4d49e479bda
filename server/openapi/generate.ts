import { z } from 'zod';
import * as P from '@shared/sync/protocol';
import { SYNC_ERRORS } from '@shared/sync/errors';

// docs/openapi.json, made from the zod contract of shared/sync/protocol.ts (zod 4's JSON Schema
// output, which OpenAPI 3.1 takes as is). `npm run openapi` writes it; a unit test checks the
// committed file is what this makes now.

type Io = 'input' | 'output';
const REQUESTS = { EnrolRequest: P.EnrolRequest, PushRequest: P.PushRequest, Mutation: P.Mutation, DayCloseRequest: P.DayCloseRequest, DayTally: P.DayTally };
const RESPONSES = {
  EnrolResponse: P.EnrolResponse, PushResponse: P.PushResponse, MutationResult: P.MutationResult, PullResponse: P.PullResponse, Change: P.Change,
  DayCloseResponse: P.DayCloseResponse, HealthResponse: P.HealthResponse, SyncErrorBody: P.SyncErrorBody,
};

function componentSchemas(schemas: Record<string, z.ZodType>, io: Io): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(Object.entries(out.schemas).map(([id, s]) => {
    const { $schema: _schema, id: _id, ...rest } = s;
    return [id, rest];
  }));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ content: { 'application/json': { schema: ref(id) } } });

/** The error answers an operation may give, by status, naming their codes. */
function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => {
    const codes = Object.entries(SYNC_ERRORS).filter(([, s]) => s === status).map(([c]) => c);
    return [String(status), { description: `${status >= 500 ? 'Failed' : 'Refused'} (${codes.join(', ')})${status >= 500 ? ': retry with backoff' : ''}`, ...json('SyncErrorBody') }];
  }));
}

const device = [{ device: [] }];

export function openApiDocument(): Record<string, unknown> {
  const pullParams = z.toJSONSchema(P.PullQuery, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
  const param = (name: string, required: boolean, description: string) => ({ name, in: 'query', required, description, schema: pullParams.properties[name] });
  const sha = { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'PolicyDesk central platform sync protocol',
      version: String(P.PROTOCOL_VERSION),
      description: 'Between a PolicyDesk workstation and the centre (server/). Prose: docs/sync-protocol.md. Generated from shared/sync/protocol.ts by `npm run openapi`; do not edit.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: '`npm run central` on this machine' }],
    components: {
      securitySchemes: {
        device: { type: 'http', scheme: 'bearer', description: 'The device credential from enrolment: `Bearer <deviceId>.<secret>`.' },
      },
      schemas: { ...componentSchemas(REQUESTS, 'input'), ...componentSchemas(RESPONSES, 'output') },
    },
    paths: {
      '/v1/health': {
        get: { operationId: 'health', summary: 'Is the centre there (no credential)', security: [], responses: { 200: { description: 'Up', ...json('HealthResponse') }, ...errors(500, 503) } },
      },
      '/v1/enrol': {
        post: {
          operationId: 'enrol', summary: 'Enrol a device with a one-time code (no credential)', security: [],
          requestBody: { required: true, ...json('EnrolRequest') },
          responses: { 200: { description: 'Enrolled: keep the secret, it is shown once', ...json('EnrolResponse') }, ...errors(400, 403, 413, 415, 500) },
        },
      },
      '/v1/push': {
        post: {
          operationId: 'push', summary: `Push outbox mutations (at most ${P.MAX_PUSH_BATCH}, ${P.MAX_PUSH_BYTES} bytes), one result per mutation`, security: device,
          requestBody: { required: true, ...json('PushRequest') },
          responses: { 200: { description: 'Each mutation applied, duplicate, rejected for good, or waiting for blobs', ...json('PushResponse') }, ...errors(400, 401, 413, 415, 500) },
        },
      },
      '/v1/changes': {
        get: {
          operationId: 'pull', summary: 'The changes this device may see after a cursor, a page at a time', security: device,
          parameters: [param('after', true, 'the cursor of the last page applied (0 at first)'), param('limit', false, `most changes in the page (at most ${P.MAX_PULL_PAGE})`)],
          responses: { 200: { description: 'A page; store the cursor with it', ...json('PullResponse') }, ...errors(400, 401, 500) },
        },
      },
      '/v1/day-close': {
        post: {
          operationId: 'dayClose', summary: 'End of day (日结): compare the day\'s counts and record hashes', security: device,
          requestBody: { required: true, ...json('DayCloseRequest') },
          responses: { 200: { description: 'What matched, and the ids that did not', ...json('DayCloseResponse') }, ...errors(400, 401, 413, 415, 500) },
        },
      },
      '/v1/uploads': {
        post: {
          operationId: 'uploadCreate', summary: 'tus 1.0.0: create an upload (Upload-Length; Upload-Metadata with sha256 and filename)', security: device,
          responses: { 201: { description: 'Created; Location is the upload\'s URL' }, ...errors(400, 401, 413) },
        },
      },
      '/v1/uploads/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        head: { operationId: 'uploadOffset', summary: 'tus: how much of the upload the centre has (Upload-Offset)', security: device, responses: { 200: { description: 'Upload-Offset' }, ...errors(404, 410) } },
        patch: {
          operationId: 'uploadPatch', summary: 'tus: the next bytes (application/offset+octet-stream); the last one makes the centre hash the file and keep it only if the SHA-256 matches', security: device,
          responses: { 204: { description: 'Taken; Upload-Offset' }, ...errors(404, 409, 410, 413, 422) },
        },
      },
      '/v1/blobs/{sha256}': {
        parameters: [sha],
        head: { operationId: 'blobHas', summary: 'Whether the centre keeps this blob', security: device, responses: { 200: { description: 'Kept (Content-Length)' }, ...errors(400, 401, 404) } },
        get: { operationId: 'blobGet', summary: 'The blob (back offices open materials)', security: device, responses: { 200: { description: 'The bytes', content: { 'application/octet-stream': {} } }, ...errors(400, 401, 404) } },
      },
    },
  };
}

/** The file's text: stable key order as written, two-space indent, final newline. */
export const openApiText = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;
