import { z } from 'zod';

// The sync protocol between a workstation and the centre (server/), as zod schemas: the one
// description both sides validate against, and from which docs/openapi.json is generated.
// The prose is docs/sync-protocol.md. Every request but enrolment carries the device credential
// (`Authorization: Bearer <deviceId>.<secret>`).

export const PROTOCOL_VERSION = 1;
/** Most mutations in one push; a larger batch is refused whole (413). */
export const MAX_PUSH_BATCH = 500;
/** Largest push body the centre reads (bytes). */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
/** Largest end-of-day (日结) body the centre reads (bytes): a busy day's record list. */
export const MAX_DAY_CLOSE_BYTES = 48 * 1024 * 1024;
/** Most changes in one pull page. */
export const MAX_PULL_PAGE = 5000;

export const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a UUID');
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 (64 lowercase hex)');
export const IsoTime = z.iso.datetime({ offset: true });
/** A China calendar day, YYYY-MM-DD. */
export const DayString = z.iso.date();

// ---- enrolment ------------------------------------------------------------------------------------

/** An administrator's one-time code (server admin command `enrol-code`), typed in at the workstation. */
export const EnrolRequest = z.strictObject({
  code: z.string().min(6).max(64),
  /** what the centre's administrators will see, e.g. "3号窗口" */
  deviceName: z.string().trim().min(1).max(60),
  /** the workstation's own id (meta device_id), so its records keep their origin */
  deviceId: Uuid,
});
export const EnrolResponse = z.strictObject({
  deviceId: Uuid,
  /** the secret half of the credential; shown once, kept by the workstation */
  secret: z.string().min(32).max(128),
  centreName: z.string(),
  /** the departments whose routed applications this device receives (back offices) */
  departments: z.array(z.string()),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

// ---- push -----------------------------------------------------------------------------------------

/** One outbox entry, as the workstation recorded it (electron/core/db/record-change.ts). */
export const Mutation = z.strictObject({
  id: Uuid,
  /** the device's own sequence number (outbox.seq): increasing, gaps allowed */
  seq: z.number().int().positive(),
  entity: z.string().min(1).max(40),
  entityId: z.string().min(1).max(100),
  op: z.string().min(1).max(40),
  payload: z.unknown(),
  staffId: z.string().max(64).nullable(),
  createdAt: IsoTime,
  /** blobs the payload names: uploaded before this mutation is pushed */
  blobs: z.array(Sha256).max(2000).default([]),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.strictObject({
  mutations: z.array(Mutation).min(1).max(MAX_PUSH_BATCH),
});

/**
 * Per mutation: applied now, or already applied earlier (same id from the same device: acked, not
 * applied twice), or rejected for good (kept at the workstation and shown to the person), or
 * waiting for blobs the centre does not have yet (upload them, then push it again).
 */
export const MutationResult = z.discriminatedUnion('status', [
  z.strictObject({ id: Uuid, status: z.literal('applied') }),
  z.strictObject({ id: Uuid, status: z.literal('duplicate') }),
  z.strictObject({ id: Uuid, status: z.literal('rejected'), code: z.string(), message: z.string() }),
  z.strictObject({ id: Uuid, status: z.literal('missing_blobs'), blobs: z.array(Sha256) }),
]);
export type MutationResult = z.infer<typeof MutationResult>;
export const PushResponse = z.strictObject({ results: z.array(MutationResult) });

// ---- pull -----------------------------------------------------------------------------------------

/** A change in the centre's feed, in the order of its server sequence number. */
export const Change = z.strictObject({
  /** the server's sequence number: the cursor after this change */
  seq: z.number().int().positive(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  payload: z.unknown(),
  /** the device the change came from (null: the centre itself) */
  origin: Uuid.nullable(),
  at: IsoTime,
});
export type Change = z.infer<typeof Change>;

export const PullQuery = z.strictObject({
  /** the last seq applied; 0 for the first pull */
  after: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(1000),
});
export const PullResponse = z.strictObject({
  changes: z.array(Change),
  /** store it with the page, in the same transaction */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- blobs ----------------------------------------------------------------------------------------
// Uploaded with tus (POST/PATCH/HEAD under /v1/uploads, metadata `sha256` and `filename`); the
// centre hashes the finished upload and keeps it only if the hash matches. HEAD /v1/blobs/<sha256>
// says whether the centre has a blob; GET /v1/blobs/<sha256> gives it (back offices open materials).

export const BlobMetadata = z.strictObject({ sha256: Sha256, filename: z.string().max(200).optional() });

// ---- end of day (日结) -----------------------------------------------------------------------------

/** Per entity: how many records the device made that day, and the hash over them. */
export const DayTally = z.strictObject({
  entity: z.string(),
  count: z.number().int().nonnegative(),
  /** SHA-256 over the sorted "id:sha256(canonical payload)" lines (shared/sync/canonical-json.ts) */
  hash: Sha256,
});
export const DayCloseRequest = z.strictObject({
  day: DayString,
  tallies: z.array(DayTally),
  /** every mutation of the day with its record hash, so the centre can name what differs */
  records: z.array(z.strictObject({ id: Uuid, entity: z.string(), hash: Sha256 })).max(200_000),
});
export const DayCloseResponse = z.strictObject({
  day: DayString,
  matched: z.boolean(),
  tallies: z.array(z.strictObject({ entity: z.string(), device: DayTally.omit({ entity: true }), centre: DayTally.omit({ entity: true }) })),
  /** ids the centre lacks, ids only the centre has, ids whose content differs */
  missingAtCentre: z.array(Uuid),
  unknownToDevice: z.array(Uuid),
  different: z.array(Uuid),
});
export type DayCloseResponse = z.infer<typeof DayCloseResponse>;

// ---- health ---------------------------------------------------------------------------------------

/** GET /v1/health, without a credential: for load balancers and the workstation's "is it there?". */
export const HealthResponse = z.strictObject({
  status: z.literal('ok'),
  protocol: z.number().int(),
  centreName: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---- errors ---------------------------------------------------------------------------------------

/** Every non-2xx answer: a code the workstation maps to a catalogue message, and English detail for logs. */
export const SyncErrorBody = z.strictObject({ code: z.string(), detail: z.string() });
