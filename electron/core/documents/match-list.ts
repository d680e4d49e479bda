import type { EnterpriseMatchOutput, ItemMatch } from '@shared/matching/api-schemas';
import { formatChineseDate, formatChinaDateTime } from '@shared/time/china-time';
import { t } from '@shared/i18n';
import { DocumentWriter, MARGIN } from './pdf-kit';

// 政策匹配清单: what a company can claim, what needs its data checked, and what it misses by one
// condition — printed for the company at the counter.

export interface MatchListInput {
  centreName: string;
  staffName: string;
  printedAt: Date;
  match: EnterpriseMatchOutput;
}

const MARK = { met: '√', unmet: '×', unknown: '？' } as const;

function item(w: DocumentWriter, n: number, m: ItemMatch): void {
  w.ensure(60);
  w.text(`${n}. ${m.item.name}`, { bold: true, size: 11 });
  w.text(`《${m.policy.title}》${m.policy.docNo ? `（${m.policy.docNo}）` : ''}`, { indent: 14, size: 9.5 });
  const window = m.item.window ? `${formatChineseDate(m.item.window.start)}至${formatChineseDate(m.item.window.end)}` : t('doc.match.yearRound');
  w.text(
    t('doc.match.itemFacts', {
      dept: m.item.department, phone: m.item.contactPhone || '—', window,
      mode: t(`delivery.${m.item.deliveryMode}`), days: m.item.promisedDays,
    }),
    { indent: 14, size: 9.5, color: [0.2, 0.2, 0.2] },
  );
  if (m.item.amount) w.text(`${t('doc.match.amount')}${m.item.amount}`, { indent: 14, size: 9.5 });
  for (const c of m.checks) w.text(`${MARK[c.status]} ${c.description}（${c.actual}）`, { indent: 14, size: 9.5, color: c.status === 'unmet' ? [0.7, 0, 0] : [0, 0, 0] });
  for (const f of m.item.freeConditions) w.text(`○ ${f}${t('doc.match.toConfirm')}`, { indent: 14, size: 9.5, color: [0.3, 0.3, 0.3] });
  w.y -= 4;
}

export async function renderMatchList(resourcesDir: string, input: MatchListInput): Promise<Uint8Array> {
  const { match } = input;
  const w = await DocumentWriter.create(resourcesDir, (page, n) =>
    page.drawAt(`${t('doc.match.disclaimer')}    ${t('doc.pageNo', { n })}`, MARGIN, MARGIN - 24, 8, { color: [0.35, 0.35, 0.35] }),
  );
  w.centred(input.centreName || t('app.title'), 12, false);
  w.centred(t('doc.match.title'), 20);
  w.y -= 6;
  w.text(`${t('field.enterpriseName')}：${match.enterprise.name}`, { size: 11 });
  w.text(`${t('field.uscc')}：${match.enterprise.uscc}`, { size: 11 });
  w.text(t('doc.match.basis', { date: formatChineseDate(match.on), staff: input.staffName, at: formatChinaDateTime(input.printedAt.toISOString()) }), { size: 10 });
  w.text(t('doc.match.summary', { eligible: match.totals.eligible, possible: match.totals.possible, near: match.totals.nearMisses }), { size: 10 });
  w.rule();

  const sections: [string, ItemMatch[], number][] = [
    [t('doc.match.eligible', { n: match.totals.eligible }), match.eligible, match.totals.eligible],
    [t('doc.match.possible', { n: match.totals.possible }), match.possible, match.totals.possible],
    [t('doc.match.near', { n: match.totals.nearMisses }), match.nearMisses, match.totals.nearMisses],
  ];
  for (const [title, items, total] of sections) {
    w.y -= 6;
    w.text(title, { bold: true, size: 13, gap: 6 });
    if (items.length === 0) w.text(t('doc.match.none'), { indent: 14, color: [0.4, 0.4, 0.4] });
    if (total > items.length) w.text(t('matching.shownFirst', { total, n: items.length }), { indent: 14, size: 9.5, color: [0.3, 0.3, 0.3] });
    items.forEach((m, i) => item(w, i + 1, m));
  }
  w.y -= 10;
  w.text(t('doc.match.legend'), { size: 9, color: [0.3, 0.3, 0.3] });
  return w.save({ title: `${t('doc.match.title')} ${match.enterprise.name}` });
}
