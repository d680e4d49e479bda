import { z } from 'zod';
import { RoleField } from '../accounts/schemas';
import { HolidayNoticeSchema } from '../calendar/schemas';
import { EnterpriseSchema } from '../enterprises/schemas';
import { PolicySchema } from '../policies/schemas';

// The reference data the centre publishes in its change feed (GET /v1/changes), to every device:
// the entity and op of each kind of change and the schema of its payload. The centre writes these
// (server admin commands `publish …`, `staff …`); the workstation applies them with its own stores
// (electron/core/sync/apply-reference.ts). Other entities in the feed (applications and back-office
// decisions) carry the mutation payloads the devices pushed.

export const FEED = {
  /** a policy with its items, replacing what the workstation has under that id (a withdrawn
   *  policy comes again with status 'repealed': consultations and applications keep naming it) */
  policyUpsert: { entity: 'policy', op: 'upsert' },
  /** an enterprise's registered data (manual tags are the devices' own: entity enterprise_tag) */
  enterpriseUpsert: { entity: 'enterprise', op: 'upsert' },
  /** a staff account, for sign-in at the workstations (also offline) */
  staffUpsert: { entity: 'staff', op: 'upsert' },
  /** a year's holiday notice, replacing that year's calendar */
  calendarNotice: { entity: 'calendar', op: 'notice' },
} as const satisfies Record<string, { entity: string; op: string }>;

export const StaffPayload = z.object({
  id: z.string().min(1).max(64),
  username: z.string().min(1).max(32),
  displayName: z.string().min(1).max(30),
  /** the workstation's scrypt format: scrypt$N$r$p$salt$key (electron/core/accounts/passwords.ts) */
  passwordHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
  roles: z.array(RoleField),
  active: z.boolean(),
  department: z.string().max(60).default(''),
  updatedAt: z.string(),
});
export type StaffPayload = z.infer<typeof StaffPayload>;

/** The payload schema of each reference change, by `${entity}:${op}`. */
export const REFERENCE_PAYLOADS = {
  'policy:upsert': PolicySchema,
  'enterprise:upsert': EnterpriseSchema,
  'staff:upsert': StaffPayload,
  'calendar:notice': HolidayNoticeSchema,
} as const;
export type ReferenceKey = keyof typeof REFERENCE_PAYLOADS;
