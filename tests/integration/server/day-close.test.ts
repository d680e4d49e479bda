import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/sync/canonical-json';
import { tallyText } from '@shared/sync/day-close';
import type { DayCloseResponse, Mutation } from '@shared/sync/protocol';
import { BACKENDS, backendMissing, consultation, mutation, post, push, startTestCentral, type TestCentral, type TestDevice } from '../../helpers/central';

// POST /v1/day-close (日结): the device's counts and hashes of a China day against the centre's.

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const recordHash = (m: Mutation) => sha(canonicalJson(m.payload));

/** What the workstation sends for the day: per entity count and hash, and every record. */
function dayCloseBody(day: string, ms: Mutation[]) {
  const records = ms.map((m) => ({ id: m.id, entity: m.entity, hash: recordHash(m) }));
  const entities = [...new Set(records.map((r) => r.entity))];
  const tallies = entities.map((entity) => {
    const mine = records.filter((r) => r.entity === entity);
    return { entity, count: mine.length, hash: sha(tallyText(mine)) };
  });
  return { day, tallies, records };
}

describe.each(BACKENDS)('centre on $name: 日结', ({ kind }) => {
  describe.skipIf(backendMissing(kind))('', () => {
    let c: TestCentral;
    let d: TestDevice;
    let day: Mutation[];
    beforeAll(async () => {
      c = await startTestCentral(kind);
      d = await c.enrolDevice();
      // 27 November in China: from 26 Nov 16:00 UTC to 27 Nov 16:00 UTC
      const at = (iso: string) => ({ createdAt: iso });
      day = [
        { ...consultation(d), ...at('2026-11-26T16:00:00.000Z') },
        { ...consultation(d, '研发费用 “加计扣除”\n第二行'), ...at('2026-11-27T03:15:00.000+08:00') },
        { ...mutation(d, { entity: 'ticket', entityId: 't-27', op: 'create', payload: { id: 't-27', dueDate: '2026-11-30', amount: 1.5, nested: { b: 1, a: [null, true] } } }), ...at('2026-11-27T08:00:00.000Z') },
        { ...consultation(d), ...at('2026-11-27T15:59:59.999Z') },
      ];
      const otherDays = [{ ...consultation(d), createdAt: '2026-11-26T15:59:59.999Z' }, { ...consultation(d), createdAt: '2026-11-27T16:00:00.000Z' }];
      const res = await push(c.url, d, [...day, ...otherDays]);
      expect((res.body as { results: { status: string }[] }).results.every((r) => r.status === 'applied')).toBe(true);
    }, 120_000);
    afterAll(() => c?.close());

    const close = async (body: unknown) => {
      const res = await post(c.url, '/v1/day-close', body, d.auth);
      expect(res.status).toBe(200);
      return res.body as DayCloseResponse;
    };

    it('matches when the device and the centre hold the same records of the China day', async () => {
      const report = await close(dayCloseBody('2026-11-27', day));
      expect(report).toMatchObject({ day: '2026-11-27', matched: true, missingAtCentre: [], unknownToDevice: [], different: [] });
      expect(report.tallies.map((t) => [t.entity, t.device.count, t.centre.count, t.device.hash === t.centre.hash])).toEqual([
        ['consultation', 3, 3, true],
        ['ticket', 1, 1, true],
      ]);
      const kept = await c.central.db.query<{ matched: boolean }>('SELECT matched FROM day_closes WHERE device_id = $1', [d.id]);
      expect(kept.rows.map((r) => r.matched)).toEqual([true]);
    });

    it('names what the centre lacks, what only the centre has, and what differs', async () => {
      const neverPushed = { ...consultation(d), createdAt: '2026-11-27T05:00:00.000Z' };
      const [first, second, third] = day;
      const edited = { ...second!, payload: { ...(second!.payload as object), summary: '本机改过' } };
      // the device lists: first, the edited second, the never-pushed one; not third/fourth
      const report = await close(dayCloseBody('2026-11-27', [first!, edited, neverPushed]));
      expect(report.matched).toBe(false);
      expect(report.missingAtCentre).toEqual([neverPushed.id]);
      expect(report.unknownToDevice).toEqual([third!.id, day[3]!.id].sort());
      expect(report.different).toEqual([second!.id]);
      const consult = report.tallies.find((t) => t.entity === 'consultation')!;
      expect([consult.device.count, consult.centre.count]).toEqual([3, 3]);
      expect(consult.device.hash).not.toBe(consult.centre.hash);
      expect(c.logs.some((l) => l.event === 'day_close' && l.matched === false && l.device === d.id)).toBe(true);
    });

    it('an empty day matches an empty day', async () => {
      const report = await close({ day: '2026-11-01', tallies: [], records: [] });
      expect(report).toMatchObject({ matched: true, tallies: [] });
    });

    it('refuses a malformed request', async () => {
      expect((await post(c.url, '/v1/day-close', { day: '27/11/2026', tallies: [], records: [] }, d.auth)).status).toBe(400);
    });
  });
});
