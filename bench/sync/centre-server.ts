// The centre for the sync benchmark, in its own process as in reality (tests/helpers/central.ts:
// the real server/central.ts on loopback, PGlite in a temp folder or a fresh PostgreSQL database
// on PG_TEST_URL). The parent drives it over IPC: enrolment codes, the admin publish commands,
// counts; `close` removes its data.

import { startTestCentral, type Backend } from '../../tests/helpers/central';
import { createEnrolCode } from '../../server/devices/enrolment';

export type CentreRequest =
  | { id: number; cmd: 'enrolCode' }
  | { id: number; cmd: 'admin'; argv: string[] }
  | { id: number; cmd: 'count'; table: string }
  | { id: number; cmd: 'close' };
export type CentreReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const kind = (process.argv[2] ?? 'pglite') as Backend;
const centre = await startTestCentral(kind, { log: () => {} });
process.send!({ ready: centre.url });

process.on('message', (m: CentreRequest) => {
  void (async (): Promise<unknown> => {
    switch (m.cmd) {
      case 'enrolCode':
        return (await createEnrolCode(centre.central.db, { departments: [], ttlHours: 1 })).code;
      case 'admin': {
        const r = await centre.admin(...m.argv);
        if (r.code !== 0) throw new Error(`central ${m.argv.join(' ')}: ${[...r.out, ...r.err].join('\n')}`);
        return r.out;
      }
      case 'count':
        return centre.count(m.table);
      case 'close':
        await centre.close();
        return null;
    }
  })().then(
    (value) => {
      process.send!({ id: m.id, ok: true, value } satisfies CentreReply);
      if (m.cmd === 'close') process.disconnect();
    },
    (e: unknown) => process.send!({ id: m.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CentreReply),
  );
});
