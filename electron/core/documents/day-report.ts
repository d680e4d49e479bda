import { formatChineseDate } from '@shared/time/china-time';
import { t } from '@shared/i18n';
import type { DayReportInput } from './document-types';
import { a4Writer, chineseDateTime, fields, section, table, paragraph } from './doc-layout';
import type { Colour } from './pdf-kit';

// 日结报表 (A4): the end-of-day comparison of this workstation's records with the centre's — the
// counts per kind of record (本机 against 中心, 一致 / 不一致), the records that differ named with
// what they are, the day's records the centre refused, and the verdict in large type.

const GREEN: Colour = [0.05, 0.45, 0.15];
const RED: Colour = [0.75, 0.1, 0.1];
const GREY: Colour = [0.35, 0.35, 0.35];

export async function renderDayReport(resourcesDir: string, input: DayReportInput): Promise<Uint8Array> {
  const title = t('doc.dayReport.title');
  const w = await a4Writer(resourcesDir);
  if (input.localCentreName) w.centred(input.localCentreName, 13, false);
  w.y -= 2;
  w.centred(title, 22);
  w.centred(formatChineseDate(input.day), 12, false);
  w.y -= 8;
  w.line(w.left, w.y, w.right, w.y, 1.2, [0, 0, 0]);
  w.y -= 10;

  fields(w, [
    [t('doc.dayReport.day'), formatChineseDate(input.day), t('doc.dayReport.device'), input.deviceName || '—'],
    [t('doc.dayReport.centre'), input.centreName || '—', t('doc.dayReport.ranBy'), input.ranBy],
    [t('doc.dayReport.ranAt'), chineseDateTime(input.ranAt)],
  ]);

  // the verdict, large, in colour
  const verdict = input.matched ? t('doc.dayReport.matched') : t('doc.dayReport.notMatched');
  w.ensure(56);
  w.y -= 30;
  w.drawAt(verdict, (w.pageWidth - w.width(verdict, 26, true)) / 2, w.y, 26, { bold: true, color: input.matched ? GREEN : RED });
  w.y -= 14;
  paragraph(w, input.matched ? t('doc.dayReport.matchedText') : t('doc.dayReport.notMatchedText', { n: input.differences.length }), { size: 10.5, color: GREY });

  let no = 1;
  section(w, no++, t('doc.dayReport.counts'));
  if (input.tallies.length === 0) paragraph(w, t('doc.dayReport.noRecords'), { indent: false });
  else
    table(
      w,
      [
        { title: t('doc.dayReport.col.entity'), share: 0.4 },
        { title: t('doc.dayReport.col.device'), share: 0.2, align: 'center' },
        { title: t('doc.dayReport.col.centre'), share: 0.2, align: 'center' },
        { title: t('doc.dayReport.col.result'), share: 0.2, align: 'center' },
      ],
      input.tallies.map((x) => [x.entityLabel, String(x.device), String(x.centre), x.same ? t('sync.dayClose.same') : t('sync.dayClose.notSame')]),
    );

  if (input.differences.length > 0) {
    section(w, no++, t('doc.dayReport.differences', { n: input.differences.length }));
    table(
      w,
      [
        // a case number and a record id each fit their column on one line (8 pt)
        { title: t('doc.app.col.no'), share: 0.06, align: 'center' },
        { title: t('doc.dayReport.col.entity'), share: 0.12 },
        { title: t('doc.dayReport.col.caseNo'), share: 0.22 },
        { title: t('doc.dayReport.col.time'), share: 0.09, align: 'center' },
        { title: t('doc.dayReport.col.difference'), share: 0.13 },
        { title: t('doc.dayReport.col.id'), share: 0.38 },
      ],
      input.differences.map((d, i) => [
        String(i + 1), d.entityLabel, d.caseNo ?? '—', d.createdAt ? chineseDateTime(d.createdAt).slice(-5) : '—', t(`sync.dayClose.kind.${d.kind}`), d.id,
      ]),
      { size: 8 },
    );
  }

  if (input.rejected.length > 0) {
    section(w, no++, t('doc.dayReport.rejected', { n: input.rejected.length }));
    table(
      w,
      [
        { title: t('doc.app.col.no'), share: 0.07, align: 'center' },
        { title: t('doc.dayReport.col.entity'), share: 0.15 },
        { title: t('doc.dayReport.col.time'), share: 0.15, align: 'center' },
        { title: t('doc.dayReport.col.staff'), share: 0.13 },
        { title: t('doc.dayReport.col.why'), share: 0.5 },
      ],
      input.rejected.map((r, i) => [String(i + 1), r.entityLabel, chineseDateTime(r.createdAt).slice(-5), r.staffName ?? '—', r.message]),
      { size: 9 },
    );
  }

  w.forEachPage((n, total) => {
    const text = t('doc.dayReport.footer', { device: input.deviceName, day: input.day, n: String(n), total: String(total) });
    w.line(w.left, w.margin - 8, w.right, w.margin - 8, 0.4, GREY);
    w.drawAt(text, (w.pageWidth - w.width(text, 8)) / 2, w.margin - 22, 8, { color: GREY });
  });
  return w.save({ title: `${title} ${input.day} ${input.deviceName}` });
}
