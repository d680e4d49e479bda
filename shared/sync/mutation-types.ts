import { z } from 'zod';
import { EVENT_KINDS } from '../applications/schemas';
import { BACK_OFFICE_DECISIONS } from '../backoffice/api-schemas';

// Every kind of mutation a workstation may push (POST /v1/push): entity → its ops, the payload's
// schema, and who else receives it through the feed. Read off every recordChange call with a
// payload in electron/core (the others stay on the PC). The centre refuses anything else
// (`unknown_entity`, `unknown_op`, `invalid_payload`); the schemas check only what the centre relies
// on (the record's identity and the fields the audience rules read), so a workstation may add fields.

/**
 * The back office's decisions on a routed application (issue 5 §3), each an event in the
 * application's history: 审核通过, 退回补正, 专家评审 (with its result), 公示, 兑现 (amount, date).
 */
export const BACK_OFFICE_OPS = BACK_OFFICE_DECISIONS;

/** The counter's steps (its history event kinds) and the material PDF it builds without an event. */
export const COUNTER_APPLICATION_OPS = [...EVENT_KINDS, 'material_pdf'] as const;

/**
 * Who receives a pushed change through the feed (besides never its own device):
 * - `centre`: nobody; the centre keeps it (consultations, tickets);
 * - `all`: every device (hand-set enterprise tags, last writer wins);
 * - `application`: once routed, the department's devices; a back-office decision also goes to the
 *   device that accepted the application (server/sync/audience.ts).
 */
export type Audience = 'centre' | 'all' | 'application';

const Id = z.string().min(1).max(100);
const Clock = z.string().min(1).max(100);

const RecordPayload = z.looseObject({ id: Id });
const TagSet = z.looseObject({
  uscc: Id,
  tag: z.string().min(1).max(60),
  setAt: Clock,
  /** the hybrid logical clock of the edit; compared as text; `setAt` when absent */
  hlc: Clock.optional(),
});
const TagRemoved = z.looseObject({ uscc: Id, tag: z.string().min(1).max(60), removedAt: Clock, hlc: Clock.optional() });
const ApplicationPayload = z.looseObject({ id: Id, caseNo: z.string().max(60).optional() });

export interface MutationType {
  ops: readonly string[];
  audience: Audience;
  /** the payload's schema for each op (default: `payload`) */
  payload: z.ZodType;
  payloadOf?: Partial<Record<string, z.ZodType>>;
  /** the payload field that must equal the mutation's entityId */
  idField: string;
}

export const MUTATION_TYPES = {
  consultation: { ops: ['create', 'update', 'end_call'], audience: 'centre', payload: RecordPayload, idField: 'id' },
  ticket: { ops: ['create', 'set_due', 'close', 'return_call'], audience: 'centre', payload: RecordPayload, idField: 'id' },
  enterprise_tag: {
    ops: ['tag_add', 'tag_update', 'tag_remove'], audience: 'all', payload: TagSet, payloadOf: { tag_remove: TagRemoved }, idField: 'uscc',
  },
  application: {
    ops: [...COUNTER_APPLICATION_OPS, ...BACK_OFFICE_OPS],
    audience: 'application',
    payload: ApplicationPayload,
    payloadOf: {
      created: ApplicationPayload.extend({ application: z.looseObject({ department: z.string().max(60) }) }),
      routed: ApplicationPayload.extend({ department: z.string().min(1).max(60) }),
    },
    idField: 'id',
  },
} as const satisfies Record<string, MutationType>;

export type MutationEntity = keyof typeof MUTATION_TYPES;
export type MutationRejectCode = 'unknown_entity' | 'unknown_op' | 'invalid_payload';

export const isMutationEntity = (entity: string): entity is MutationEntity => Object.prototype.hasOwnProperty.call(MUTATION_TYPES, entity);

/** Whether the centre takes this kind of mutation and its payload; why not if not. */
export function checkMutation(m: { entity: string; entityId: string; op: string; payload: unknown }):
  { ok: true; type: MutationType } | { ok: false; code: MutationRejectCode; message: string } {
  if (!isMutationEntity(m.entity)) return { ok: false, code: 'unknown_entity', message: `unknown entity '${m.entity}'` };
  const type: MutationType = MUTATION_TYPES[m.entity];
  if (!type.ops.includes(m.op)) return { ok: false, code: 'unknown_op', message: `unknown op '${m.op}' for entity '${m.entity}'` };
  if (m.payload === null || typeof m.payload !== 'object' || Array.isArray(m.payload)) {
    return { ok: false, code: 'invalid_payload', message: 'the payload must be a JSON object' };
  }
  const parsed = (type.payloadOf?.[m.op] ?? type.payload).safeParse(m.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'invalid_payload', message: `payload ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  const id = (m.payload as Record<string, unknown>)[type.idField];
  if (id !== m.entityId) return { ok: false, code: 'invalid_payload', message: `payload.${type.idField} must equal entityId` };
  return { ok: true, type };
}
