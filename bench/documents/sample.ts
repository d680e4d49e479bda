import { progressQueryUrl, type AcceptanceNoticeInput } from '../../electron/core/documents/document-types';

// The receipt both subjects print: a 容缺受理 with five materials received and two deferred — a
// typical counter case, a little longer than most (more text to lay out and more glyphs to embed).

const code = 'K7M2Q9XA';

export const RECEIPT: AcceptanceNoticeInput = {
  centre: { name: '杭州市滨江区企业综合服务中心', address: '杭州市滨江区江南大道 3850 号企业综合服务中心一楼 3 号窗口', phone: '0571-87702345' },
  caseNo: 'BJ-2026-0922-0017',
  company: { name: '杭州云栖测试软件有限公司', uscc: '91330108MA2T00010G', contactName: '王晓燕', contactPhone: '13857112345' },
  item: { name: '研发投入补助', department: '滨江区科学技术局', policyTitle: '杭州市滨江区关于支持企业研发创新的若干政策', docNo: '杭滨政办〔2026〕1号' },
  issuedOn: '2026-09-22',
  progress: { code, url: progressQueryUrl('qyfw.binjiang.example.gov.cn', code) },
  receivedAt: '2026-09-22T06:05:00Z',
  clerk: '李娜',
  counter: '3 号窗口',
  contactPhone: '0571-87702345',
  received: [
    { name: '研发投入补助申报表', form: 'original', copies: 1, pages: 4 },
    { name: '营业执照副本', form: 'copy', copies: 1, pages: 1 },
    { name: '法定代表人身份证', form: 'copy', copies: 1, pages: 1 },
    { name: '2025 年度研发费用专项审计报告', form: 'original', copies: 1, pages: 23 },
    { name: '2025 年度企业所得税年度纳税申报表（含研发费用加计扣除明细表）', form: 'copy', copies: 1, pages: 12 },
  ],
  deferred: [
    { name: '研发项目立项文件及研发人员名单', form: 'copy', copies: 2, dueDate: '2026-09-30', note: '加盖公章' },
    { name: '高新技术企业证书', form: 'copy', copies: 1, dueDate: '2026-10-13' },
  ],
  promisedDays: 20,
  promisedDate: '2026-10-27',
};
