import { PolicyFileSchema, PolicySchema, type Policy } from './schemas';
import type { ImportReport } from './api-schemas';
import { validationError } from '../api/validation';
import { t } from '../i18n';

// A policydesk.policies/1 file checked record by record, with nothing stored: a bad policy is named
// (id and field) and left out. Used by the workstation's import (electron/core/policies) and the
// centre's `publish policies` (server/admin).

export type PolicyFileCheck =
  | { refused: true; problems: ImportReport['problems'] }
  | { refused: false; good: Policy[]; rejected: number; problems: ImportReport['problems'] };

export function checkPolicyFile(content: string): PolicyFileCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (e) {
    return refused('', t('import.notJson', { reason: e instanceof Error ? e.message.slice(0, 120) : '' }));
  }
  const file = PolicyFileSchema.safeParse(raw);
  if (!file.success) return refused('format', t('import.notPolicyFile'));

  const problems: ImportReport['problems'] = [];
  const good: Policy[] = [];
  const itemOwner = new Map<string, string>();
  file.data.policies.forEach((record, index) => {
    const name = recordName(record, index);
    const parsed = PolicySchema.safeParse(record);
    if (!parsed.success) {
      for (const f of validationError(parsed.error, record).fields ?? []) problems.push({ record: name, field: f.path, message: f.message });
      return;
    }
    const p = parsed.data;
    if (good.some((g) => g.id === p.id)) return void problems.push({ record: name, field: 'id', message: t('import.duplicateId', { id: p.id }) });
    const clash = p.items.find((i) => itemOwner.has(i.id) || p.items.filter((j) => j.id === i.id).length > 1);
    if (clash) return void problems.push({ record: name, field: 'items.id', message: t('import.duplicateId', { id: clash.id }) });
    p.items.forEach((i) => itemOwner.set(i.id, p.id));
    good.push(p);
  });
  return { refused: false, good, rejected: file.data.policies.length - good.length, problems };
}

function recordName(record: unknown, index: number): string {
  const id = record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : t('import.recordNo', { n: index + 1 });
}

const refused = (field: string, message: string): PolicyFileCheck => ({ refused: true, problems: [{ record: t('import.wholeFile'), field, message }] });
