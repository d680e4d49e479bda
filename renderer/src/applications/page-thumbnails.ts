import type { PageView } from '@shared/applications/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';
import { blobOf } from '../common/files';
import { renderPdfThumbnail } from './pdf-thumbnail';

// The page strip's thumbnails as object URLs, fetched once per page content (sha + turn + width)
// while any row shows them. A URL no row uses is kept a while (the clerk goes back and forth
// between materials), then revoked; all of them at sign-out.

/** pixels across asked of the core: the strip shows them about 76 px wide, so this is sharp at 2× */
export const THUMBNAIL_PX = 160;
/** unused thumbnails kept for going back to a material */
const IDLE_KEPT = 60;
/** thumbnails made at once: the core's page work and pdf.js share two cores with everything else */
const AT_ONCE = 3;

interface Entry {
  refs: number;
  url: Promise<string>;
}

const entries = new Map<string, Entry>();
/** keys with no user, oldest first */
const idle = new Set<string>();

export const thumbnailKey = (p: Pick<PageView, 'sha256' | 'rotation'>) => `${p.sha256}:${p.rotation}:${THUMBNAIL_PX}`;

function drop(key: string): void {
  const e = entries.get(key);
  entries.delete(key);
  idle.delete(key);
  e?.url.then((u) => URL.revokeObjectURL(u)).catch(() => {});
}

let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(work: () => Promise<T>): Promise<T> {
  // a finished task hands its slot straight to the next one waiting
  if (running >= AT_ONCE) await new Promise<void>((go) => waiting.push(go));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

async function load(where: { applicationId: string; materialId: string; pageId: string }): Promise<string> {
  const file = await limited(() => api.applicationPageImage({ ...where, width: THUMBNAIL_PX }));
  const blob = file.mimeType === 'application/pdf' ? await limited(async () => renderPdfThumbnail(new Uint8Array(await blobOf(file).arrayBuffer()), THUMBNAIL_PX)) : blobOf(file);
  return URL.createObjectURL(blob);
}

export interface ThumbnailHandle {
  url: Promise<string>;
  /** the row no longer shows it */
  release(): void;
}

/** The thumbnail's object URL, shared by every row that shows the same page content. */
export function acquireThumbnail(key: string, where: { applicationId: string; materialId: string; pageId: string }): ThumbnailHandle {
  let e = entries.get(key);
  if (!e) {
    const made: Entry = { refs: 0, url: load(where) };
    entries.set(key, made);
    // a failure is not kept: the next time the row is shown it asks again
    made.url.catch(() => entries.get(key) === made && entries.delete(key));
    e = made;
  }
  const entry = e;
  entry.refs++;
  idle.delete(key);
  let released = false;
  return {
    url: entry.url,
    release() {
      if (released) return;
      released = true;
      if (--entry.refs > 0 || entries.get(key) !== entry) return;
      idle.add(key);
      for (const k of idle) {
        if (idle.size <= IDLE_KEPT) break;
        drop(k);
      }
    },
  };
}

// the pages of the last clerk's applications are not kept for the next one (rows still on the
// screen as it closes release into nothing)
clearOnSignOut(() => {
  for (const k of [...entries.keys()]) drop(k);
});
