import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { toRotation, type Rotation } from './page-types';

// Operations on a material's page list. Pure: each returns a new list and leaves its input alone.
// They work on anything with an `id` and a `rotation` (MaterialPage, or a row of the database).
// A page named that is not in the list is NOT_FOUND; nothing is changed then.

interface Page {
  id: string;
  rotation: number;
}

function indexOf<T extends Page>(pages: readonly T[], id: string): number {
  const i = pages.findIndex((p) => p.id === id);
  if (i < 0) throw new AppError('NOT_FOUND');
  return i;
}

/** Turns the named pages by `degrees` (multiples of 90; negative = anticlockwise). */
export function rotatePages<T extends Page>(pages: readonly T[], ids: readonly string[], degrees: number): T[] {
  const turn = toRotation(degrees);
  for (const id of ids) indexOf(pages, id);
  const named = new Set(ids);
  return pages.map((p) => (named.has(p.id) ? { ...p, rotation: toRotation(p.rotation + turn) as Rotation } : p));
}

/** Moves one page to position `to` (0-based, clamped to the list). */
export function movePage<T extends Page>(pages: readonly T[], id: string, to: number): T[] {
  const from = indexOf(pages, id);
  const out = pages.slice();
  const [page] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, Math.trunc(to))), 0, page!);
  return out;
}

/** The pages in the given order, which must name every page exactly once. */
export function reorderPages<T extends Page>(pages: readonly T[], order: readonly string[]): T[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  if (order.length !== pages.length || new Set(order).size !== order.length || !order.every((id) => byId.has(id))) {
    throw new AppError('VALIDATION', undefined, [{ path: 'order', message: t('materials.order.invalid') }]);
  }
  return order.map((id) => byId.get(id)!);
}

/** The list without the named pages. */
export function deletePages<T extends Page>(pages: readonly T[], ids: readonly string[]): T[] {
  for (const id of ids) indexOf(pages, id);
  const named = new Set(ids);
  return pages.filter((p) => !named.has(p.id));
}
