import { describe, expect, it } from 'vitest';
import { cupsServer, decodeIppResponse, encodeGetJobAttributes } from '../../../electron/core/print/ipp';

// IPP encoding (RFC 8010 §3): tag, name-length, name, value-length, value; an empty name adds a
// value to the attribute before it.
function value(tag: number, name: string, v: Buffer | string | number): Buffer {
  const n = Buffer.from(name);
  const raw = typeof v === 'number' ? Buffer.from([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]) : Buffer.isBuffer(v) ? v : Buffer.from(v);
  return Buffer.concat([Buffer.from([tag, n.length >> 8, n.length & 255]), n, Buffer.from([raw.length >> 8, raw.length & 255]), raw]);
}

describe('IPP for a job state', () => {
  it('asks Get-Job-Attributes for the job, with charset and language first', () => {
    const req = encodeGetJobAttributes(42, 'clerk01', ['job-state', 'job-state-reasons'], 7);
    expect([...req.subarray(0, 8)]).toEqual([1, 1, 0, 9, 0, 0, 0, 7]); // IPP/1.1, op 0x0009, request 7
    expect(req[8]).toBe(0x01); // operation attributes
    const decoded = decodeIppResponse(req); // the same encoding reads back
    expect([...decoded.attributes.keys()]).toEqual(['attributes-charset', 'attributes-natural-language', 'job-uri', 'requesting-user-name', 'requested-attributes']);
    expect(decoded.attributes.get('job-uri')).toEqual(['ipp://localhost/jobs/42']);
    expect(decoded.attributes.get('requesting-user-name')).toEqual(['clerk01']);
    expect(decoded.attributes.get('requested-attributes')).toEqual(['job-state', 'job-state-reasons']);
    expect(req[req.length - 1]).toBe(0x03);
  });

  it('reads a CUPS answer: status, enums, several values, text, over several groups', () => {
    const res = Buffer.concat([
      Buffer.from([1, 1, 0, 0, 0, 0, 0, 1]), // successful-ok
      Buffer.from([0x01]),
      value(0x47, 'attributes-charset', 'utf-8'),
      value(0x48, 'attributes-natural-language', 'en'),
      Buffer.from([0x02]), // job attributes
      value(0x23, 'job-state', 8),
      value(0x44, 'job-state-reasons', 'job-canceled-at-device'),
      value(0x44, '', 'aborted-by-system'),
      value(0x41, 'job-printer-state-message', '缺纸'),
      value(0x45, 'job-printer-uri', 'ipp://localhost/printers/XP-80C'),
      value(0x22, 'job-preserved', Buffer.from([1])),
      value(0x31, 'date-time-at-completed', Buffer.alloc(11)),
      Buffer.from([0x03]),
    ]);
    const r = decodeIppResponse(res);
    expect(r.status).toBe(0);
    expect(r.attributes.get('job-state')).toEqual([8]);
    expect(r.attributes.get('job-state-reasons')).toEqual(['job-canceled-at-device', 'aborted-by-system']);
    expect(r.attributes.get('job-printer-state-message')).toEqual(['缺纸']);
    expect(r.attributes.get('job-printer-uri')).toEqual(['ipp://localhost/printers/XP-80C']);
    expect(r.attributes.get('job-preserved')).toEqual([true]);
    expect(r.attributes.get('date-time-at-completed')).toEqual(['00'.repeat(11)]);
  });

  it('reads the not-found status and refuses a cut-off answer', () => {
    expect(decodeIppResponse(Buffer.from([1, 1, 0x04, 0x06, 0, 0, 0, 1, 0x03])).status).toBe(0x0406);
    const cut = Buffer.concat([Buffer.from([1, 1, 0, 0, 0, 0, 0, 1, 0x02]), value(0x41, 'job-printer-state-message', 'long text')]).subarray(0, 30);
    expect(() => decodeIppResponse(cut)).toThrow(/truncated/);
  });

  it('finds cupsd as lp does: CUPS_SERVER (socket or host:port) first', () => {
    expect(cupsServer({ CUPS_SERVER: '/tmp/cups.sock' })).toEqual({ socketPath: '/tmp/cups.sock' });
    expect(cupsServer({ CUPS_SERVER: 'localhost:8631' })).toEqual({ host: 'localhost', port: 8631 });
    expect(cupsServer({ CUPS_SERVER: '127.0.0.1' })).toEqual({ host: '127.0.0.1', port: 631 });
  });
});
