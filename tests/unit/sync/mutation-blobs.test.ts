import { describe, expect, it } from 'vitest';
import { blobsOfMutation } from '../../../electron/core/sync/mutation-blobs';

const sha = (c: string) => c.repeat(64);

describe('blobsOfMutation', () => {
  it('names the pages and the PDF of a pages step', () => {
    const payload = { id: 'a1', caseNo: 'X', event: { id: 'e', summary: sha('f') }, materialId: 'm', pages: [sha('1'), sha('2')], pdf: sha('3') };
    // the event's summary is text, never a blob, even if it looks like one
    expect(blobsOfMutation('application', payload)).toEqual([sha('1'), sha('2'), sha('3')]);
  });

  it('names an issued document', () => {
    expect(blobsOfMutation('application', { id: 'a1', documentId: 'd', kind: 'acceptance_notice', sha256: sha('a') })).toEqual([sha('a')]);
  });

  it('names each blob once and leaves out a PDF not built yet', () => {
    expect(blobsOfMutation('application', { pages: [sha('1'), sha('1')], pdf: null })).toEqual([sha('1')]);
  });

  it('ignores what is not a SHA-256 and payloads that name none', () => {
    expect(blobsOfMutation('application', { pages: ['abc', 42, sha('A')], pdf: 'x', sha256: sha('1') + '0' })).toEqual([]);
    expect(blobsOfMutation('application', { id: 'a1', event: {} })).toEqual([]);
    expect(blobsOfMutation('application', null)).toEqual([]);
    expect(blobsOfMutation('application', [sha('1')])).toEqual([]);
  });

  it('names nothing for entities without blobs', () => {
    expect(blobsOfMutation('consultation', { pages: [sha('1')], sha256: sha('2') })).toEqual([]);
  });
});
