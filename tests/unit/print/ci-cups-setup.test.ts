import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// CI must bring its own printer: .ci/run installs CUPS and CUPS-PDF and makes the queue the
// printing tests use, before the tests run.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
const setup = path.join(ROOT, 'scripts/ci/setup-cups.sh');

describe('CI printing setup', () => {
  it('.ci/run installs cups, printer-driver-cups-pdf and sane-utils, then sets CUPS up before the tests', () => {
    for (const pkg of ['cups', 'printer-driver-cups-pdf', 'sane-utils']) expect(run).toMatch(new RegExp(`packages\\+=\\(${pkg}\\)`));
    const setupAt = run.search(/^scripts\/ci\/setup-cups\.sh$/m);
    expect(setupAt).toBeGreaterThan(run.indexOf('apt-get install'));
    expect(setupAt).toBeLessThan(run.indexOf('npm test'));
  });

  it('the setup script is executable, valid bash, and makes the PolicyDesk-PDF and PolicyDesk-Receipt queues with their own CUPS-PDF output', () => {
    expect(fs.statSync(setup).mode & 0o111).not.toBe(0);
    execFileSync('bash', ['-n', setup]);
    const text = fs.readFileSync(setup, 'utf8');
    expect(text).toContain('QUEUE="${POLICYDESK_PDF_QUEUE:-PolicyDesk-PDF}"');
    // the receipt printer the browser story stops, so that no other test's printing is disturbed
    expect(text).toContain('RECEIPT_QUEUE="${POLICYDESK_RECEIPT_QUEUE:-PolicyDesk-Receipt}"');
    expect(text).toMatch(/^make_queue "\$QUEUE" /m);
    expect(text).toMatch(/^make_queue "\$RECEIPT_QUEUE" /m);
    expect(text).toContain('cups-pdf:/${INSTANCE}');
    expect(text).toContain('Out ${OUT_ROOT}/\\${USER}');
    expect(text).toContain('pdftops-renderer-default=pdftocairo');
  });
});
