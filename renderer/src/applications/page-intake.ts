import type { ApplicationDetail } from '@shared/applications/schemas';
import { api } from '../api/client';
import { errorData } from '../common/errors';
import { fileToBase64 } from '../common/files';

export interface RefusedFile {
  name: string;
  message: string;
}

// The local web host takes request bodies up to 1 MB; files are sent in batches below that, so one
// large file does not take the others down with it (a single file over it is refused on its own).
const BATCH_BASE64 = 700 * 1024;

/**
 * Files picked, dropped or captured → base64 → `applicationPagesAdd`, in batches. Each refused
 * file is named with the core's message; the rest are kept. Returns the application as it now is
 * (null if nothing was accepted at all) and what was refused.
 */
export async function addFiles(
  applicationId: string,
  materialId: string,
  files: readonly File[],
  source: 'file' | 'camera',
): Promise<{ application: ApplicationDetail | null; refused: RefusedFile[] }> {
  const encoded: { name: string; base64: string }[] = [];
  const refused: RefusedFile[] = [];
  for (const f of files) {
    try {
      encoded.push({ name: f.name, base64: await fileToBase64(f) });
    } catch (e) {
      refused.push({ name: f.name, message: errorData(e).message });
    }
  }
  const batches: { name: string; base64: string }[][] = [];
  let size = 0;
  for (const f of encoded) {
    const last = batches[batches.length - 1];
    if (last && size + f.base64.length <= BATCH_BASE64) {
      last.push(f);
      size += f.base64.length;
    } else {
      batches.push([f]);
      size = f.base64.length;
    }
  }
  let application: ApplicationDetail | null = null;
  for (const batch of batches) {
    try {
      const out = await api.applicationPagesAdd({ applicationId, materialId, files: batch, source });
      application = out.application;
      refused.push(...out.refused);
    } catch (e) {
      const data = errorData(e);
      // the state changed, or the session ended: the next batches would fail the same way
      if (data.code === 'APPLICATION_STATE' || data.code === 'UNAUTHENTICATED') throw e;
      refused.push(...batch.map((f) => ({ name: f.name, message: data.message })));
    }
  }
  return { application, refused };
}
