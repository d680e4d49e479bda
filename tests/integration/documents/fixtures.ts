import fs from 'node:fs';
import path from 'node:path';
import { daysOfNotice, WorkingDayCalendar, type HolidayNotice } from '@shared/calendar/working-days';
import { usccCheckChar } from '@shared/enterprise/uscc';
import {
  progressQueryUrl,
  type AcceptanceNoticeInput,
  type CaseDocumentBase,
  type DeliveryRecordInput,
  type HandoverSheetInput,
  type MaterialLine,
  type RefusalNoticeInput,
  type SupplementNoticeInput,
} from '../../../electron/core/documents/document-types';

// One realistic case, as the applications service would hand it to the documents: received on a
// Tuesday before 中秋 and 国庆, so the promised date only comes out right with the holiday calendar.

export const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');
const notice = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'calendar/cn-2026.json'), 'utf8')) as HolidayNotice;
export const calendar = new WorkingDayCalendar(daysOfNotice(notice));

export const USCC = `91330108MA2T0001${'0'}`.slice(0, 17);
export const COMPANY_USCC = `${USCC}${usccCheckChar(USCC)}`;
export const RECEIVED_ON = '2026-09-22';
/** 20 working days from the day after, over 中秋 (9/25–27) and 国庆 (10/1–7), with 10/10 worked */
export const PROMISED_DATE = calendar.addWorkingDays(RECEIVED_ON, 20);
export const DEFERRED_DUE = calendar.addWorkingDays(RECEIVED_ON, 5);
export const QUERY_CODE = 'K7M2Q9XA';
export const PROGRESS_URL = progressQueryUrl('qyfw.binjiang.example.gov.cn', QUERY_CODE);

export const base: CaseDocumentBase = {
  centre: {
    name: '杭州市滨江区企业综合服务中心',
    address: '杭州市滨江区江南大道 3850 号企业综合服务中心一楼 3 号窗口',
    phone: '0571-87702345',
    hours: '工作日 9:00—12:00、13:30—17:00',
  },
  caseNo: 'BJ-2026-0922-0017',
  company: { name: '杭州云栖测试软件有限公司', uscc: COMPANY_USCC, contactName: '王晓燕', contactPhone: '13857112345' },
  item: { name: '研发投入补助', department: '滨江区科学技术局', policyTitle: '杭州市滨江区关于支持企业研发创新的若干政策', docNo: '杭滨政办〔2026〕1号' },
  issuedOn: RECEIVED_ON,
  progress: { code: QUERY_CODE, url: PROGRESS_URL },
};

export const received: MaterialLine[] = [
  { name: '研发投入补助申报表', form: 'original', copies: 1, pages: 4 },
  { name: '营业执照副本', form: 'copy', copies: 1, pages: 1 },
  { name: '法定代表人身份证', form: 'copy', copies: 1, pages: 1 },
  { name: '2025 年度研发费用专项审计报告', form: 'original', copies: 1, pages: 23 },
  { name: '2025 年度企业所得税年度纳税申报表（含研发费用加计扣除明细表）', form: 'copy', copies: 1, pages: 12 },
  { name: '研发项目立项文件及研发人员名单', form: 'copy', copies: 2, pages: 9, note: '加盖公章' },
  { name: '信用承诺书', form: 'original', copies: 1, pages: 1 },
];

export const acceptance: AcceptanceNoticeInput = {
  ...base,
  progress: base.progress!,
  receivedAt: `${RECEIVED_ON}T06:05:00Z`, // 14:05 China time
  clerk: '李娜',
  counter: '3 号窗口',
  contactPhone: '0571-87702345',
  received,
  deferred: [],
  promisedDays: 20,
  promisedDate: PROMISED_DATE,
};

export const deferredAcceptance: AcceptanceNoticeInput = {
  ...acceptance,
  received: received.slice(0, 5),
  deferred: [
    { name: '研发项目立项文件及研发人员名单', form: 'copy', copies: 2, dueDate: DEFERRED_DUE, note: '加盖公章' },
    { name: '高新技术企业证书', form: 'copy', copies: 1, dueDate: calendar.addWorkingDays(RECEIVED_ON, 10) },
  ],
};

export const supplement: SupplementNoticeInput = {
  ...base,
  receivedAt: `${RECEIVED_ON}T06:05:00Z`,
  clerk: '李娜',
  contactPhone: '0571-87702345',
  supplyOnline: '也可登录企业综合服务平台“申报空间”在线上传补正材料',
  problems: [
    { name: '2025 年度研发费用专项审计报告', kind: 'missing', form: 'original', copies: 1 },
    { name: '营业执照副本', kind: 'defective', defect: '复印件未加盖企业公章，请加盖公章后重新提交' },
    { name: '研发投入补助申报表', kind: 'defective', defect: '第 3 页“上年度研发费用”与审计报告金额不一致，法定代表人未签字' },
    { name: '研发人员社保缴纳证明', kind: 'missing' },
  ],
};

export const refusal: RefusalNoticeInput = {
  ...base,
  receivedAt: `${RECEIVED_ON}T06:05:00Z`,
  clerk: '李娜',
  contactPhone: '0571-87702345',
  reason: '申请企业注册地不在滨江区，不属于本政策的支持范围。',
  basis: '《杭州市滨江区关于支持企业研发创新的若干政策》第二条',
  reviewBody: '杭州市滨江区人民政府',
  court: '杭州市滨江区人民法院',
};

export const handover: HandoverSheetInput = {
  ...base,
  fromClerk: '李娜',
  fromCounter: '企业综合服务中心 3 号窗口',
  materials: received,
  handedOverAt: '2026-09-23T01:30:00Z',
};

export const delivery: DeliveryRecordInput = {
  ...base,
  issuedOn: '2026-10-26',
  result: '研发投入补助审核结果通知书（核定补助金额 32.6 万元）',
  method: 'post',
  deliveredAt: '2026-10-26T02:40:00Z',
  recipient: '杭州云栖测试软件有限公司（王晓燕）',
  recipientPhone: '13857112345',
  address: '杭州市滨江区网商路 699 号 5 号楼 1203 室',
  trackingNo: '1178 6543 2109 8',
  deliveredBy: '李娜',
};
