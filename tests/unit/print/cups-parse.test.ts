import { describe, expect, it } from 'vitest';
import { stoppedReason } from '@shared/print/reasons';
import { jobNumber, parseLpRequestId, parseLpoptionsMedia, parseLpstat } from '../../../electron/core/print/lpstat-parse';
import { lpArgs } from '../../../electron/core/print/print-pdf';

// Outputs recorded from CUPS 2.4.2 (Debian 12) under LANG=C: a printer paused with a reason and
// refusing jobs, an idle one, one printing.
const LONG_KEYS = `	Form mounted:
	Content types: any
	Printer types: unknown
	Description: DESC
	Alerts: ALERTS
	Location: LOC
	Connection: direct
	Interface: /etc/cups/ppd/X.ppd
	On fault: no alert
	After fault: continue
	Users allowed:
		(all)
	Forms allowed:
		(none)
	Banner required
	Charset sets:
		(none)
	Default pitch:
	Default page size:
	Default port settings:`;
const keys = (desc: string, alerts: string, loc: string) => LONG_KEYS.replace('DESC', desc).replace('ALERTS', alerts).replace('LOC', loc);

const LISTING = [
  'printer Counter-A4 disabled since Fri Nov 27 07:25:18 2026 -',
  '\t缺纸，请补纸',
  keys('一号窗口 A4', 'media-empty-error paused', '一号窗口'),
  'printer PolicyDesk-PDF is idle.  enabled since Fri Nov 27 07:25:04 2026',
  keys('PolicyDesk PDF printer (tests)', 'none', 'CUPS-PDF'),
  'printer XP-80C now printing XP-80C-17.  enabled since Fri Nov 27 07:29:27 2026',
  keys('XP-80C', 'none', ''),
  'Counter-A4 not accepting requests since Fri Nov 27 07:25:18 2026 -',
  '\tRejecting Jobs',
  'PolicyDesk-PDF accepting requests since Fri Nov 27 07:25:04 2026',
  'XP-80C accepting requests since Fri Nov 27 07:29:28 2026',
  'system default destination: PolicyDesk-PDF',
  '',
].join('\n');

describe('lpstat -l -p -a -d', () => {
  const l = parseLpstat(LISTING);

  it('lists every printer with its state, description and location', () => {
    expect(l.printers.map((p) => [p.name, p.state, p.description, p.location])).toEqual([
      ['Counter-A4', 'stopped', '一号窗口 A4', '一号窗口'],
      ['PolicyDesk-PDF', 'idle', 'PolicyDesk PDF printer (tests)', 'CUPS-PDF'],
      ['XP-80C', 'printing', 'XP-80C', ''],
    ]);
    expect(l.defaultPrinter).toBe('PolicyDesk-PDF');
  });

  it('keeps the reason a queue was stopped, and its alerts', () => {
    const a4 = l.printers[0]!;
    expect(a4.message).toBe('缺纸，请补纸');
    expect(a4.alerts).toEqual(['media-empty-error', 'paused']);
    expect(l.printers[1]!.alerts).toEqual([]);
  });

  it('reads which queues accept jobs', () => {
    expect(l.accepting.get('Counter-A4')).toEqual({ accepting: false, message: 'Rejecting Jobs' });
    expect(l.accepting.get('PolicyDesk-PDF')).toEqual({ accepting: true, message: '' });
  });

  it('reads the short listing too, and "no system default destination"', () => {
    const short = parseLpstat('printer Q disabled since Fri Nov 27 07:25:18 2026 -\n\treason unknown\nprinter R is idle.  enabled since Fri Nov 27 07:25:04 2026\nno system default destination\n');
    expect(short.printers.map((p) => [p.name, p.state, p.message])).toEqual([['Q', 'stopped', 'reason unknown'], ['R', 'idle', '']]);
    expect(short.defaultPrinter).toBeNull();
    expect(parseLpstat('').printers).toEqual([]);
  });
});

describe('the reason shown for a printer that cannot print', () => {
  it('puts the alert in words, then the message, without repeating', () => {
    expect(stoppedReason({ state: 'stopped', message: '缺纸，请补纸', alerts: ['media-empty-error', 'paused'] })).toBe('缺纸；缺纸，请补纸');
    expect(stoppedReason({ state: 'stopped', message: 'Paused', alerts: ['paused'] })).toBe('已被暂停');
    expect(stoppedReason({ state: 'stopped', message: 'reason unknown', alerts: [] })).toBe('已被暂停');
    expect(stoppedReason({ state: 'stopped', message: '', alerts: ['media-jam-error', 'cover-open-warning', 'paused'] })).toBe('卡纸；机盖打开');
  });

  it('says a queue refuses new jobs', () => {
    expect(stoppedReason({ state: 'idle', message: 'Rejecting Jobs', alerts: [] }, { accepting: false, message: 'Rejecting Jobs' })).toBe('不接受新的打印任务');
    expect(stoppedReason({ state: 'idle', message: '', alerts: [] }, { accepting: false, message: '' })).toBe('不接受新的打印任务');
    expect(stoppedReason({ state: 'idle', message: '换碳带', alerts: [] }, { accepting: false, message: '换碳带' })).toBe('不接受新的打印任务；换碳带');
  });
});

describe('lp and lpoptions', () => {
  it('reads the job id lp answers', () => {
    expect(parseLpRequestId('request id is PolicyDesk-PDF-12 (1 file(s))\n')).toBe('PolicyDesk-PDF-12');
    expect(parseLpRequestId('')).toBeNull();
    expect(jobNumber('PolicyDesk-PDF-12')).toBe(12);
    expect(jobNumber('Counter-2-A4-7')).toBe(7);
    expect(jobNumber('42')).toBe(42);
    expect(jobNumber('PolicyDesk-PDF')).toBeNull();
  });

  it('lists the paper sizes of a driver, without the custom-size template', () => {
    const out = 'PageSize/Page Size: Custom.WIDTHxHEIGHT 11x14 *A4 A5 Letter\nResolution/Output Resolution: 150dpi *300dpi\n';
    expect(parseLpoptionsMedia(out)).toEqual(['11x14', 'A4', 'A5', 'Letter']);
    expect(parseLpoptionsMedia('Resolution/Output Resolution: *300dpi\n')).toEqual([]);
  });

  it('gives lp separate arguments (no shell), the media, and fit-to-page only when needed', () => {
    expect(lpArgs({ printer: 'XP-80C', title: '受理回执\n2026-0012', copies: 2, media: 'Custom.80x150mm', fitToPage: false }, '/tmp/x/document.pdf')).toEqual([
      '-d', 'XP-80C', '-t', '受理回执 2026-0012', '-n', '2', '-o', 'media=Custom.80x150mm', '/tmp/x/document.pdf',
    ]);
    expect(lpArgs({ printer: 'P', title: '  ', copies: 1, media: 'A4', fitToPage: true }, '/f.pdf')).toEqual([
      '-d', 'P', '-t', 'PolicyDesk', '-n', '1', '-o', 'media=A4', '-o', 'fit-to-page', '/f.pdf',
    ]);
  });
});
