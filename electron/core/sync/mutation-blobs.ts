// Which blobs a mutation's payload names, so they reach the centre before the mutation does.
// Application steps name them in three fields (electron/core/applications/application-service.ts):
//   pages   — the SHA-256 of each page added or now in the material (pages_added, pages_changed, material_pdf)
//   pdf     — the material's PDF (pages_added, pages_changed, material_pdf); null while not built
//   sha256  — an issued document (document_issued)
//   pdfs    — every material PDF the routed application's snapshot names (routed; the back office fetches them)
// Other entities name none today. A new field that names a blob must be added here (and tested).

const SHA256 = /^[0-9a-f]{64}$/;

const BLOB_FIELDS: Record<string, (payload: Record<string, unknown>) => unknown[]> = {
  application: (p) => [...(Array.isArray(p.pages) ? p.pages : []), p.pdf, p.sha256, ...(Array.isArray(p.pdfs) ? p.pdfs : [])],
};

/** The distinct SHA-256 values the payload names, in the order they appear. */
export function blobsOfMutation(entity: string, payload: unknown): string[] {
  const fields = BLOB_FIELDS[entity];
  if (!fields || payload === null || typeof payload !== 'object' || Array.isArray(payload)) return [];
  const out = new Set<string>();
  for (const v of fields(payload as Record<string, unknown>)) if (typeof v === 'string' && SHA256.test(v)) out.add(v);
  return [...out];
}
