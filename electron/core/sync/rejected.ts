import { isMessageKey, t } from '@shared/i18n';
import type { RejectedMutation } from '@shared/sync/api-schemas';
import { REJECT_CODES } from '@shared/sync/errors';
import type { RejectedRow } from './sync-store';

// A record the centre (or this PC, for what could never be sent) refused for good, in words for
// the person. Codes this PC gives start with `local:`; any other code is the centre's.

const LOCAL_MESSAGES: Record<string, (detail: string) => string> = {
  'local:BLOB_LOST': () => t('sync.reject.blobLost'),
  'local:BLOB_DAMAGED': () => t('sync.reject.blobDamaged'),
  'local:INVALID': (detail) => t('sync.reject.invalid', { reason: detail.slice(0, 120) }),
  'local:TOO_LARGE': () => t('sync.reject.tooLarge'),
  'local:BLOB_REFUSED': (detail) => t('sync.reject.blobRefused', { reason: detail.slice(0, 120) }),
};

export function describeRejected(r: RejectedRow): RejectedMutation {
  const entityKey = `sync.entity.${r.entity}`;
  const local = LOCAL_MESSAGES[r.reject_code];
  return {
    id: r.id,
    seq: r.seq,
    entity: r.entity,
    entityLabel: isMessageKey(entityKey) ? t(entityKey) : t('sync.entity.other', { entity: r.entity }),
    entityId: r.entity_id,
    op: r.op,
    createdAt: r.created_at,
    staffId: r.staff_id,
    staffName: r.staff_name,
    rejectedAt: r.rejected_at,
    code: r.reject_code,
    message: local ? local(r.reject_message) : centreMessage(r.reject_code, r.reject_message),
  };
}

/** The centre's reject codes (shared/sync/errors.ts REJECT_CODES) each have their words; an unknown one gets the generic text. */
function centreMessage(code: string, message: string): string {
  const key = `sync.reject.${code}`;
  return (Object.values(REJECT_CODES) as string[]).includes(code) && isMessageKey(key) ? t(key, { message: message.slice(0, 200) }) : t('sync.reject.generic', { message: message.slice(0, 200), code });
}
