import { expect, it } from 'vitest';
import { v7 } from 'uuid';
import { MAX_PUSH_BATCH, MAX_PUSH_BYTES } from '@shared/sync/protocol';
import { createEnrolCode } from '../../../server/devices/enrolment';
import { consultation, get, post, push, centreSuite } from '../../helpers/central';

// Enrolment and the device credential, and the refusals of bad input: each with its status, nothing
// stored, and a line in the centre's log.

centreSuite('enrolment, credentials, bad input', (c) => {
  const refusedLog = (code: string) => c.logs.filter((l) => l.event === 'refused' && l.code === code);

  it('answers health without a credential, with the centre name the admin set', async () => {
    expect((await c.admin('centre-name', '滨江区企业服务中心')).code).toBe(0);
    const res = await get(c.url, '/v1/health');
    expect(res).toEqual({ status: 200, body: { status: 'ok', protocol: 1, centreName: '滨江区企业服务中心' } });
  });

  it('enrols with a one-time code: the code works once, a wrong or expired one never', async () => {
    const { code } = await createEnrolCode(c.central.db, { departments: ['区科技局'], ttlHours: 1 });
    const deviceId = v7();
    const ok = await post(c.url, '/v1/enrol', { code: code.toLowerCase(), deviceName: '3号窗口', deviceId });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ deviceId, centreName: '滨江区企业服务中心', departments: ['区科技局'] });
    const { secret } = ok.body as { secret: string };
    expect(secret.length).toBeGreaterThanOrEqual(32);
    // the centre keeps neither the secret nor the code
    const stored = JSON.stringify((await c.central.db.query('SELECT * FROM devices')).rows) + JSON.stringify((await c.central.db.query('SELECT * FROM enrolment_codes')).rows);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(code);

    const again = await post(c.url, '/v1/enrol', { code, deviceName: '4号窗口', deviceId: v7() });
    expect(again).toMatchObject({ status: 403, body: { code: 'enrol_code_used' } });
    const wrong = await post(c.url, '/v1/enrol', { code: 'AAAA-BBBB-CCCC', deviceName: '4号窗口', deviceId: v7() });
    expect(wrong).toMatchObject({ status: 403, body: { code: 'enrol_code_invalid' } });

    const late = await createEnrolCode(c.central.db, { departments: [], ttlHours: 1 });
    await c.central.db.query("UPDATE enrolment_codes SET expires_at = now() - interval '1 minute' WHERE used_by IS NULL");
    const expired = await post(c.url, '/v1/enrol', { code: late.code, deviceName: '5号窗口', deviceId: v7() });
    expect(expired).toMatchObject({ status: 403, body: { code: 'enrol_code_expired' } });
    expect(await c.count('devices')).toBe(1);
    for (const code of ['enrol_code_used', 'enrol_code_invalid', 'enrol_code_expired']) expect(refusedLog(code)).toHaveLength(1);
  });

  it('the admin command prints a code that enrols', async () => {
    const r = await c.admin('enrol-code', '--department', '区人社局', '--ttl-hours', '2');
    expect(r.code).toBe(0);
    const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(r.out.join('\n'))?.[1];
    expect(r.out.join('\n')).toContain('区人社局');
    const res = await post(c.url, '/v1/enrol', { code, deviceName: '人社局后台', deviceId: v7() });
    expect(res).toMatchObject({ status: 200, body: { departments: ['区人社局'] } });
  });

  it('refuses a missing, forged or unknown credential with 401 and stores nothing', async () => {
    const d = await c.enrolDevice();
    const before = await c.count('mutations');
    const body = { mutations: [consultation(d)] };
    const none = await post(c.url, '/v1/push', body);
    const forged = await post(c.url, '/v1/push', body, `Bearer ${d.id}.${'x'.repeat(43)}`);
    const unknown = await post(c.url, '/v1/push', body, `Bearer ${v7()}.${d.secret}`);
    const garbled = await post(c.url, '/v1/push', body, 'Bearer nonsense');
    expect([none, forged, unknown, garbled].map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(forged.body).toMatchObject({ code: 'credential_invalid' });
    expect(await c.count('mutations')).toBe(before);
    expect(refusedLog('credential_invalid').map((l) => l.path)).toEqual(['/v1/push', '/v1/push']);
    expect(refusedLog('unauthenticated')).toHaveLength(2);
    // the pull is closed alike
    expect((await get(c.url, '/v1/changes?after=0', `Bearer ${d.id}.${'x'.repeat(43)}`)).status).toBe(401);
  });

  it('a revoked device gets 401 from then on and cannot enrol again with a new code', async () => {
    const d = await c.enrolDevice();
    expect((await push(c.url, d, [consultation(d)])).status).toBe(200);
    const r = await c.admin('device', 'revoke', d.id);
    expect(r).toMatchObject({ code: 0 });
    const before = await c.count('mutations');
    const res = await push(c.url, d, [consultation(d)]);
    expect(res).toMatchObject({ status: 401, body: { code: 'device_revoked' } });
    expect(await c.count('mutations')).toBe(before);
    expect(refusedLog('device_revoked')).toHaveLength(1);
    const { code } = await createEnrolCode(c.central.db, { departments: [], ttlHours: 1 });
    expect(await post(c.url, '/v1/enrol', { code, deviceName: '又来了', deviceId: d.id })).toMatchObject({ status: 403, body: { code: 'enrol_device_revoked' } });
    expect((await c.admin('device', 'revoke', d.id)).code).toBe(1);
  });

  it('refuses malformed JSON (400), a wrong content type (415), a bad envelope (400)', async () => {
    const d = await c.enrolDevice();
    const before = await c.count('mutations');
    const bad = await post(c.url, '/v1/push', '{"mutations": [', d.auth, true);
    expect(bad).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    const res = await fetch(`${c.url}/v1/push`, { method: 'POST', headers: { Authorization: d.auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    expect((await post(c.url, '/v1/push', { mutations: [] }, d.auth)).status).toBe(400);
    expect((await post(c.url, '/v1/push', { mutations: [{ nonsense: true }] }, d.auth)).status).toBe(400);
    expect((await post(c.url, '/v1/push', [1, 2], d.auth)).status).toBe(400);
    expect(await c.count('mutations')).toBe(before);
    expect(refusedLog('malformed_json')).toHaveLength(1);
    expect(refusedLog('unsupported_media_type')).toHaveLength(1);
    expect(refusedLog('invalid_request').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an oversized body and an oversized batch with 413, storing nothing', async () => {
    const d = await c.enrolDevice();
    const before = await c.count('mutations');
    const big = consultation(d, '长'.repeat(MAX_PUSH_BYTES / 2));
    const tooBig = await push(c.url, d, [big]);
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'body_too_large' } });
    const many = Array.from({ length: MAX_PUSH_BATCH + 1 }, () => consultation(d));
    const tooMany = await push(c.url, d, many);
    expect(tooMany).toMatchObject({ status: 413, body: { code: 'batch_too_large' } });
    // the same connection pool goes on working, and a batch of exactly the limit is taken
    const full = await push(c.url, d, many.slice(0, MAX_PUSH_BATCH));
    expect(full.status).toBe(200);
    expect(await c.count('mutations')).toBe(before + MAX_PUSH_BATCH);
    expect(refusedLog('body_too_large')).toHaveLength(1);
    expect(refusedLog('batch_too_large')).toHaveLength(1);
  }, 60_000);

  it('answers unknown paths and wrong methods with 404 and 405', async () => {
    const d = await c.enrolDevice();
    expect((await get(c.url, '/v1/nothing', d.auth)).status).toBe(404);
    expect((await get(c.url, '/v1/push', d.auth)).status).toBe(405);
    expect((await get(c.url, '/admin/v1/run')).status).toBe(404);
  });
});
