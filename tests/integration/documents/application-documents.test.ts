import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail, MaterialView } from '@shared/applications/schemas';
import { applicationDocuments } from '../../../electron/core/documents/application-documents';
import type { DocumentContext } from '../../../electron/core/applications/ports';
import { missingTool } from '../../helpers/tools';
import * as f from './fixtures';
import { checkPdf, cleanUp, flat, type CheckedPdf } from './pdf-tools';

// The DocumentPorts the applications service prints through: an application as the service shows
// it (ApplicationDetail) becomes each of the six documents.

const opened: CheckedPdf[] = [];
afterEach(() => opened.splice(0).forEach(cleanUp));

const page = (n: number) => ({ id: `p${n}`, position: n, kind: 'image' as const, sha256: 'a'.repeat(64), bytes: 1000, rotation: 0, blank: false, ink: 0.1 });
const material = (i: number, over: Partial<MaterialView>): MaterialView => ({
  id: `m${i}`, position: i, name: `材料${i}`, form: 'copy', copies: 1, required: true, deferrable: false, state: 'present', defect: '',
  dueDate: null, pages: [], pdfSha256: null, handedOverTo: null, ...over,
});

const app: ApplicationDetail = {
  id: 'a1', caseNo: f.base.caseNo, queryCode: f.QUERY_CODE, state: 'accepted', uscc: f.COMPANY_USCC, enterpriseName: f.base.company.name,
  itemName: '研发投入补助', department: '滨江区科学技术局', createdAt: '2026-09-22T05:50:00Z', dueDate: f.PROMISED_DATE, clerkName: '李娜',
  contactName: '王晓燕', contactPhone: '13857112345',
  item: {
    id: 'T-RND', policyId: 'T1', name: '研发投入补助', department: '滨江区科学技术局', contactPhone: '0571-87702345', window: null, openForApplication: true,
    deliveryMode: 'commitment', promisedDays: 20, amount: '', amountMax: null, conditions: null, conditionText: [], freeConditions: [], materials: [], keyPoints: '', needsExpertReview: false,
  },
  policy: {
    id: 'T1', title: '杭州市滨江区关于支持企业研发创新的若干政策', docNo: '杭滨政办〔2026〕1号', issuer: '滨江区人民政府办公室', level: 'district', category: 'award',
    status: 'active', publishDate: '2026-01-01', expiryDate: null, departments: ['滨江区科学技术局'], openForApplication: true, itemCount: 1,
  },
  decision: 'accept_deferred', reason: '',
  materials: [
    material(1, { name: '研发投入补助申报表', form: 'original', pages: [page(1), page(2), page(3), page(4)] }),
    material(2, { name: '营业执照副本', pages: [page(5)] }),
    material(3, { name: '高新技术企业证书', state: 'missing', deferrable: true, dueDate: f.DEFERRED_DUE }),
  ],
  deadline: { promisedDays: 20, startedOn: '2026-09-22', dueDate: f.PROMISED_DATE, extensions: [], daysLeft: 20 },
  documents: [],
  events: [{ id: 'e1', kind: 'decided', at: '2026-09-22T06:05:00Z', staffName: '李娜', summary: '受理（容缺）' }],
  delivery: null,
  backOffice: null,
};
const ctx: DocumentContext = { centreName: f.base.centre.name, centrePhone: '0571-87700000', staffName: '李娜', printedAt: new Date('2026-09-22T06:10:00Z'), progressUrl: f.PROGRESS_URL };
const docs = applicationDocuments(f.RESOURCES);
const check = async (kind: Parameters<typeof docs.render>[0], a: ApplicationDetail = app) => {
  const pdf = checkPdf(await docs.render(kind, a, ctx), kind);
  opened.push(pdf);
  return pdf;
};
const has = (pdf: CheckedPdf, ...parts: string[]) => parts.forEach((p) => expect(pdf.flat, p).toContain(flat(p)));

describe.skipIf(missingTool('pdftotext', 'poppler-utils'))('documents for the applications service', () => {
  it('prints the acceptance (A4 and 80 mm) from the application: received, deferred with its date, promised date, query code', async () => {
    for (const kind of ['acceptance', 'acceptance_thermal'] as const) {
      const pdf = await check(kind);
      has(pdf, '容缺受理', f.base.company.name, f.COMPANY_USCC, '研发投入补助', '研发投入补助申报表', '营业执照副本', '高新技术企业证书', '2026年9月30日前', '2026年10月27日前', '查询码：K7M2Q9XA', '2026年9月22日 14:05');
      expect(pdf.pages[0]!.width).toBeCloseTo(kind === 'acceptance' ? 595.28 : (80 * 72) / 25.4, 1);
    }
  });

  it('prints the 一次性告知书, 不予受理通知书, 材料交接单 and 送达回执 from the application', async () => {
    const corrected: ApplicationDetail = {
      ...app, state: 'correction', decision: 'correction',
      materials: [app.materials[0]!, { ...app.materials[1]!, state: 'defective', defect: '复印件未加盖企业公章' }, { ...app.materials[2]!, dueDate: null }],
    };
    has(await check('correction', corrected), '一次性告知书', '营业执照副本', '复印件未加盖企业公章', '高新技术企业证书', '缺少。请提交复印件 1 份。', '重新计算');
    has(await check('refusal', { ...app, state: 'refused', decision: 'refuse', reason: '注册地不在滨江区。' }), '不予受理通知书', '注册地不在滨江区。', '六十日内', '六个月内');
    const routed = { ...app, state: 'routed' as const, events: [...app.events, { id: 'e2', kind: 'routed' as const, at: '2026-09-23T01:30:00Z', staffName: '李娜', summary: '流转' }] };
    has(await check('handover', routed), '材料交接单', '研发投入补助申报表', '营业执照副本', '滨江区科学技术局', '2026年9月23日 09:30', '共 2 项材料');
    const delivered = { ...routed, state: 'delivered' as const, delivery: { method: 'window' as const, deliveredAt: '2026-10-26T02:40:00Z', recipient: '王晓燕', address: '', result: '审核结果通知书', note: '', staffName: '李娜' } };
    has(await check('delivery', delivered), '送达回执', '窗口领取', '王晓燕', '审核结果通知书', '2026年10月26日 10:40');
  });

  it('refuses to print an acceptance without a promised date, or a delivery record before delivery', async () => {
    await expect(docs.render('acceptance', { ...app, deadline: { ...app.deadline, dueDate: null } }, ctx)).rejects.toThrow(/promised date/);
    await expect(docs.render('delivery', app, ctx)).rejects.toThrow(/delivery/);
  });
});
