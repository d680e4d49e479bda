import type { z } from 'zod';
import { t, isMessageKey } from '../i18n';
import { AppError, type FieldError } from './errors';

// Turns zod issues into messages a clerk understands: which field, what limit, what to do.

function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const key = `field.${String(last)}`;
  return last !== undefined && isMessageKey(key) ? t(key) : String(last ?? '输入');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function messageOf(issue: z.core.$ZodIssue, input: unknown): string {
  const field = fieldLabel(issue.path);
  switch (issue.code) {
    case 'too_big': {
      if (issue.origin === 'string') {
        const v = valueAt(input, issue.path);
        return t('error.FIELD_TOO_LONG', { field, max: Number(issue.maximum), n: typeof v === 'string' ? v.length : 0 });
      }
      if (issue.origin === 'array') return t('error.FIELD_TOO_LONG', { field, max: Number(issue.maximum), n: (valueAt(input, issue.path) as unknown[] | undefined)?.length ?? 0 });
      return t('error.NUMBER_MAX', { field, max: Number(issue.maximum) });
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('error.FIELD_REQUIRED', { field });
      if (issue.origin === 'string' || issue.origin === 'array') return t('error.FIELD_TOO_SHORT', { field, min: Number(issue.minimum) });
      return t('error.NUMBER_MIN', { field, min: Number(issue.minimum) });
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? t('error.FIELD_REQUIRED', { field }) : t('error.FIELD_INVALID', { field });
    case 'invalid_value':
      // zod reports a missing enum (a select left empty) this way
      return valueAt(input, issue.path) === undefined ? t('error.FIELD_REQUIRED', { field }) : t('error.FIELD_INVALID', { field });
    case 'custom': {
      // our refinements carry either a finished message or a catalogue key that wants the field name
      const key = (issue.params as { key?: string } | undefined)?.key;
      if (key && isMessageKey(key)) return t(key, { field });
      return issue.message || t('error.FIELD_INVALID', { field });
    }
    default:
      return t('error.FIELD_INVALID', { field });
  }
}

export function validationError(error: z.ZodError, input: unknown): AppError {
  const fields: FieldError[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `${t('error.BAD_REQUEST')}（${issue.keys.join(', ')}）` : messageOf(issue, input),
  }));
  return new AppError('VALIDATION', undefined, fields);
}

/** Parses input at a boundary; throws AppError('VALIDATION') with per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(r.error, input);
  return r.data;
}
