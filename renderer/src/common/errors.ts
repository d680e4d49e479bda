import type { FormInstance } from 'antd';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { ApiError } from '../api/client';

/** Whatever was thrown, as the error value every screen knows how to show. */
export function errorData(e: unknown): AppErrorData {
  if (e instanceof ApiError) return e.data;
  return { code: 'INTERNAL', message: t('error.INTERNAL') };
}

/**
 * Puts the core's per-field messages under the fields of an antd form.
 * `prefix` strips a nesting the form does not have (callEnd sends the form as `fields`).
 * Returns the messages that belong to no field on this form, for a banner.
 */
export function showFieldErrors(form: FormInstance, data: AppErrorData, formFields: readonly string[], prefix = ''): string[] {
  const leftover: string[] = [];
  const byField = new Map<string, string[]>();
  for (const f of data.fields ?? []) {
    const name = prefix && f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    if (formFields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
    else leftover.push(f.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(first.value, { block: 'center' });
  return leftover;
}
