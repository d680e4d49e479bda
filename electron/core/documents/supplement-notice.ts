import { formatChineseDate } from '@shared/time/china-time';
import { t } from '@shared/i18n';
import type { MaterialProblem, SupplementNoticeInput } from './document-types';
import { a4Writer, caseRows, chineseDateTime, fields, finish, formLabel, header, issuer, ISSUER_HEIGHT, numbered, paragraph, policyRows, section, table } from './doc-layout';

// 一次性告知书: every missing or defective material at once, each with what is wrong; that this is
// all that will be asked for; where to bring the supplement; and that the time limit starts again
// when the supplement is complete. Wording: docs/documents.md.

function whatToDo(p: MaterialProblem): string {
  if (p.kind === 'defective') return t('doc.supplement.defective', { defect: p.defect || '—' });
  const ask = p.form ? t('doc.supplement.missing', { form: formLabel(p.form), copies: p.copies ?? 1 }) : t('doc.supplement.missingNoForm');
  return p.defect ? `${ask}${p.defect}` : ask;
}

export async function renderSupplementNotice(resourcesDir: string, input: SupplementNoticeInput): Promise<Uint8Array> {
  const title = t('doc.supplement.title');
  const w = await a4Writer(resourcesDir);
  header(w, input, title, t('doc.supplement.subtitle'));
  w.text(t('doc.app.salutation', { company: input.company.name }), { size: 11, bold: true, leading: 1.8 });
  const at = chineseDateTime(input.receivedAt);
  const basis = input.legalBasis || t('doc.supplement.defaultBasis');
  paragraph(w, t('doc.supplement.body', { at, item: input.item.name, n: input.problems.length, basis }));

  section(w, 1, t('doc.acceptance.applicant'));
  fields(w, [...caseRows(input), ...policyRows(input), [t('doc.app.receivedAt'), at, t('doc.app.clerk'), input.clerk]]);

  section(w, 2, t('doc.supplement.problems', { n: input.problems.length }));
  table(
    w,
    [
      { title: t('doc.app.col.no'), share: 0.08, align: 'center' },
      { title: t('doc.app.col.material'), share: 0.36 },
      { title: t('doc.app.col.problem'), share: 0.56 },
    ],
    input.problems.map((p, i) => [String(i + 1), p.name, whatToDo(p)]),
  );

  section(w, 3, t('doc.supplement.how'));
  const place = input.supplyAt || input.centre.address || input.centre.name;
  const where = t('doc.supplement.where', { place }) + (input.centre.hours ? t('doc.supplement.hours', { hours: input.centre.hours }) : '');
  numbered(w, [
    t('doc.supplement.allAtOnce'),
    [where, input.supplyOnline ? `${input.supplyOnline}。` : '', input.supplyBy ? t('doc.supplement.by', { date: formatChineseDate(input.supplyBy) }) : ''].join(''),
    t('doc.supplement.restart'),
  ]);
  w.y -= 2;
  paragraph(w, t('doc.app.ask', { phone: input.contactPhone }), { keepWith: ISSUER_HEIGHT });
  issuer(w, input.centre.name, input.issuedOn);
  return finish(w, input, title);
}
