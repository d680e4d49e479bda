import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';
import { makeCore, ADMIN, type TestCore } from '../../helpers/core';

let tc: TestCore;
let host: WebHost;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>工作台</title>');
  tc = makeCore();
  host = await startWebHost({ dispatch: tc.core.dispatch, rendererDir });
});
afterAll(async () => {
  await host.close();
  tc.close();
});

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string; json: { ok: boolean; value?: unknown; error?: { code: string; message: string; fields?: unknown[] } } }

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        let json = {} as Reply['json'];
        try { json = JSON.parse(body); } catch { /* not JSON: static file */ }
        resolve({ status: res.statusCode!, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (method: string, body: unknown, extra: Record<string, string> = {}) =>
  request({
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('local web host', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.port).toBeGreaterThan(1024);
  });

  it('answers the API with the per-start token', async () => {
    const r = await api('appStatus', {});
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, value: { state: 'setup' } });
  });

  it('refuses a call without the token, or with another one', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Bearer ${host.token}x`]) {
      const r = await request({ path: '/api/appStatus', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) }, body: '{}' });
      expect(r.status).toBe(401);
      expect(r.json.error?.code).toBe('HOST_TOKEN');
    }
  });

  it('turns away other Host names (DNS rebinding) and other origins', async () => {
    expect((await api('appStatus', {}, { Host: 'evil.example:80' })).status).toBe(403);
    const r = await api('appStatus', {}, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('BAD_ORIGIN');
    expect((await api('appStatus', {}, { Origin: host.url })).status).toBe(200);
  });

  it('gives a malformed call a typed 400 error in Chinese', async () => {
    const r = await api('signIn', '{"username": "admin", ');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('请求格式不正确') } });
    const notJson = await request({ path: '/api/appStatus', headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(notJson.status).toBe(400);
  });

  it('validates input before the core sees it', async () => {
    const r = await api('setupAdmin', { ...ADMIN, username: '' , centreName: '中'.repeat(61) });
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('VALIDATION');
    expect(r.json.error?.fields).toEqual(expect.arrayContaining([{ path: 'centreName', message: '“中心名称”最多 60 字，现为 61 字。' }]));
    expect((await api('appStatus', {})).json).toMatchObject({ value: { state: 'setup' } });
    const wrongType = await api('signIn', [1, 2, 3]);
    expect(wrongType.status).toBe(400);
  });

  it('answers an unknown method with 404', async () => {
    const r = await api('dropAllTables', {});
    expect(r.status).toBe(404);
    expect(r.json.error?.code).toBe('UNKNOWN_METHOD');
    const escaped = await api('../../etc/passwd', {});
    expect([404, 405]).toContain(escaped.status);
    expect(escaped.body).not.toContain('root:');
  });

  it('refuses an oversized body', async () => {
    const r = await api('signIn', JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(r.status).toBe(400);
  });

  it('asks for sign-in with 401 and refuses the wrong role with 403', async () => {
    expect((await api('consultationList', {})).status).toBe(401);
    const session = ((await api('setupAdmin', ADMIN)).json.value as { sessionId: string }).sessionId;
    const r = await api('consultationList', {}, { 'X-Session': session });
    expect(r.status).toBe(403);
    expect(r.json.error?.message).toContain('当前账号无权');
  });

  it('serves the UI with a strict Content Security Policy and never files outside it', async () => {
    const page = await request({ method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('工作台');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const r = await request({ method: 'GET', path: p });
      expect(r.body).not.toContain('"name": "policydesk"');
    }
  });
});
