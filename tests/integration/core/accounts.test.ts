import { afterEach, describe, expect, it } from 'vitest';
import { useScryptCostForTests, verifyPassword } from '../../../electron/core/accounts/passwords';
import { hashPassword as centreHash, useScryptCostForTests as useCentreCost } from '../../../server/accounts/passwords';
import { ADMIN, makeCore, type TestCore } from '../../helpers/core';

let tc: TestCore;
afterEach(() => tc?.close());

describe('staff accounts', () => {
  it('starts in set-up, creates the admin once, then asks for sign-in', async () => {
    tc = makeCore();
    expect((await tc.call('appStatus', {})).state).toBe('setup');
    expect((await tc.fail('signIn', { username: 'admin', password: 'x' })).code).toBe('NOT_SET_UP');
    const s = await tc.call('setupAdmin', ADMIN);
    expect(s.staff.roles).toEqual(['admin']);
    const status = await tc.call('appStatus', {});
    expect(status).toMatchObject({ state: 'ready', centreName: '滨江区企业服务中心', today: '2026-11-27' });
    expect((await tc.fail('setupAdmin', ADMIN)).code).toBe('ALREADY_SET_UP');
  });

  it('stores passwords only as scrypt hashes and signs in with them', async () => {
    useScryptCostForTests(null); // the product's cost (the other tests hash cheaply: tests/setup)
    tc = makeCore();
    await tc.call('setupAdmin', ADMIN);
    const row = tc.core.db!.prepare('SELECT password_hash FROM staff').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
    expect((await tc.call('signIn', { username: 'ADMIN', password: ADMIN.password })).staff.username).toBe('admin');
    expect((await tc.fail('signIn', { username: 'admin', password: 'wrong1234' })).code).toBe('SIGN_IN_FAILED');
    expect((await tc.fail('signIn', { username: 'nobody', password: 'wrong1234' })).message).toBe('工号或密码错误，请重新输入。');
    const audit = tc.core.db!.prepare("SELECT action FROM audit_log WHERE entity = 'staff' ORDER BY at, rowid").all().map((r) => (r as { action: string }).action);
    expect(audit).toEqual(['create', 'sign_in', 'sign_in_failed', 'sign_in_failed']);
  });

  it('the centre hashes staff passwords at the same cost, and the workstation verifies them offline', async () => {
    useCentreCost(null);
    const hash = await centreHash('Passw0rd1');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Passw0rd1', hash)).toBe(true);
    expect(await verifyPassword('Passw0rd2', hash)).toBe(false);
  });

  it('refuses weak passwords', async () => {
    tc = makeCore();
    expect((await tc.fail('setupAdmin', { ...ADMIN, password: 'abcdefgh' })).code).toBe('PASSWORD_WEAK');
    expect((await tc.fail('setupAdmin', { ...ADMIN, password: 'a1' })).message).toBe('密码至少 8 位，且须同时包含字母和数字。');
  });

  it('lets the admin create, disable and re-role staff; a disabled account is signed out at once', async () => {
    tc = makeCore();
    const admin = (await tc.call('setupAdmin', ADMIN)).sessionId;
    const clerk = await tc.call('staffCreate', { username: 'clerk1', displayName: '李娜', password: 'Passw0rd1', roles: ['counter'] }, admin);
    expect((await tc.fail('staffCreate', { username: 'Clerk1', displayName: '重名', password: 'Passw0rd1', roles: ['counter'] }, admin)).code).toBe('USERNAME_TAKEN');
    const session = (await tc.call('signIn', { username: 'clerk1', password: 'Passw0rd1' })).sessionId;
    expect(await tc.call('consultationList', {}, session)).toEqual([]);
    await tc.call('staffUpdate', { id: clerk.id, active: false }, admin);
    expect((await tc.fail('consultationList', {}, session)).code).toBe('UNAUTHENTICATED');
    expect((await tc.fail('signIn', { username: 'clerk1', password: 'Passw0rd1' })).code).toBe('ACCOUNT_DISABLED');
    // the last admin cannot lock everyone out
    const me = (await tc.call('staffList', {}, admin)).find((s) => s.username === 'admin')!;
    expect((await tc.fail('staffUpdate', { id: me.id, roles: ['manager'] }, admin)).code).toBe('LAST_ADMIN');
    // every record carries who made it
    const createdBy = tc.core.db!.prepare('SELECT created_by FROM staff WHERE id = ?').get(clerk.id) as { created_by: string };
    expect(createdBy.created_by).toBe(me.id);
  });
});
