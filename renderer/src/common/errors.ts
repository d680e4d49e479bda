import type { FormInstance } from 'antd';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { ApiError } from '../api/client';

/** Whatever was thrown, as the error value every screen knows how to show. */
export function errorData(e: unknown): AppErrorData {
  if (e instanceof ApiError) return e.data;
  return { code: 'INTERNAL', message: t('error.INTERNAL') };
}

const FIELD_OF_CODE: Partial<Record<AppErrorData['code'], string>> = {
  PASSWORD_WEAK: 'password',
  USERNAME_TAKEN: 'username',
  DUE_BEFORE_TODAY: 'dueDate',
  CALENDAR_DUPLICATE: 'date',
};

/**
 * Puts the core's per-field messages under the fields of an antd form.
 * `prefix` strips a nesting the form does not have (callEnd sends the form as `fields`).
 * The first field with a message gets the focus unless `focusFirst` is false.
 * Returns what to say above the buttons: the messages that belong to no field on this form
 * (and, for a validation error, the general "correct the fields" line).
 */
export function showFieldErrors(form: FormInstance, data: AppErrorData, formFields: readonly string[], prefix = '', focusFirst = true): string[] {
  const leftover: string[] = [];
  const byField = new Map<string, string[]>();
  // a few errors without a path still belong to one field
  const codeField = FIELD_OF_CODE[data.code];
  const fields = data.fields?.length ? data.fields : codeField ? [{ path: codeField, message: data.message }] : [];
  if (!fields.length) return [data.message];
  for (const f of fields) {
    const name = prefix && f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    if (formFields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
    else leftover.push(f.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = byField.keys().next();
  if (!first.done && focusFirst) form.scrollToField(first.value, { block: 'center', focus: true });
  return data.code === 'VALIDATION' ? [data.message, ...leftover] : leftover;
}
