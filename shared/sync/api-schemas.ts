import { z } from 'zod';
import { requiredText } from '../api/fields';

// The workstation's sync methods (syncStatus, syncNow, syncEnrol, syncRejected): what the status
// bar, the sync page and the administrator's enrolment form exchange with the core.

export const SYNC_STATES = [
  /** no centre yet: an administrator enrols this workstation (syncEnrol) */
  'not_enrolled',
  /** reached the centre on the last try */
  'online',
  /** the centre could not be reached; the work stays on this PC and goes later */
  'offline',
  /** the centre refused this workstation (credential revoked): nothing is sent until it is enrolled again */
  'stopped',
] as const;

export const SyncStatus = z.object({
  state: z.enum(SYNC_STATES),
  /** a sync round is running now */
  syncing: z.boolean(),
  centreUrl: z.string().nullable(),
  centreName: z.string(),
  /** records made here that have not reached the centre yet */
  waiting: z.number().int().nonnegative(),
  /** records the centre refused for good (syncRejected lists them) */
  rejected: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  /** the last failure, in words for the person; null once a round succeeds */
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
  /** the blob upload under way (scanned pages, PDFs), for the progress bar */
  upload: z
    .object({
      /** this file's bytes sent and total */
      sent: z.number().nonnegative(),
      total: z.number().nonnegative(),
      /** which file of how many in this round */
      file: z.number().int().positive(),
      files: z.number().int().positive(),
    })
    .nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncEnrolInput = z.strictObject({
  /** the centre's address, e.g. https://centre.example.gov.cn or http://127.0.0.1:8750 */
  centreUrl: z
    .string()
    .trim()
    .max(300)
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash;
      } catch {
        return false;
      }
    }, { params: { key: 'error.FIELD_INVALID' } }),
  /** the one-time code the centre's administrator gave out */
  code: requiredText(64).min(6),
  /** how the centre lists this workstation, e.g. 3号窗口 */
  deviceName: requiredText(60),
});

export const RejectedMutation = z.object({
  id: z.string(),
  seq: z.number().int(),
  entity: z.string(),
  /** the kind of record, in words (咨询登记, 工单, 申报件 …) */
  entityLabel: z.string(),
  entityId: z.string(),
  op: z.string(),
  createdAt: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  rejectedAt: z.string(),
  code: z.string(),
  /** why, in words for the person */
  message: z.string(),
});
export type RejectedMutation = z.infer<typeof RejectedMutation>;

// ---- 日结 (end of day) ------------------------------------------------------------------------------

export const SyncDayCloseInput = z.strictObject({
  /** the China calendar day to close, YYYY-MM-DD; default today */
  day: z.iso.date().optional(),
});

export const DayCloseIdInput = z.strictObject({ id: z.string().min(1).max(64) });
export const DayReportPrintInput = z.strictObject({
  id: z.string().min(1).max(64),
  /** a printer by name; absent: this PC's default printer */
  printer: z.string().trim().min(1).max(127).optional(),
});

/** How a record differs: the centre lacks it, only the centre has it, or its content differs. */
export const DAY_CLOSE_DIFFERENCES = ['missingAtCentre', 'unknownToDevice', 'different'] as const;

export const DayCloseView = z.object({
  id: z.string(),
  day: z.string(),
  ranAt: z.string(),
  ranBy: z.string(),
  centreName: z.string(),
  deviceName: z.string(),
  matched: z.boolean(),
  /** per kind of record: this PC's count against the centre's */
  tallies: z.array(
    z.object({ entity: z.string(), entityLabel: z.string(), device: z.number().int(), centre: z.number().int(), same: z.boolean() }),
  ),
  /** the records that differ, with what they are */
  differences: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(DAY_CLOSE_DIFFERENCES),
      entityLabel: z.string(),
      /** the record's time on this PC (null: only the centre has it) */
      createdAt: z.string().nullable(),
      /** 办件编号 / 工单号 where the record has one */
      caseNo: z.string().nullable(),
    }),
  ),
  /** the day's records the centre refused for good */
  rejected: z.array(RejectedMutation),
});
export type DayCloseView = z.infer<typeof DayCloseView>;
