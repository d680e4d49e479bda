import type { IsoDate } from '@shared/time/china-time';
import type { DayCloseView } from '@shared/sync/api-schemas';

// The inputs of the application documents (受理通知书/回执, 一次性告知书, 不予受理通知书, 材料交接单,
// 送达回执). Plain values, already decided by the applications service: the documents compute no
// dates and look nothing up — a promised date or a due date is printed exactly as given.
// Instants are ISO strings (printed in China time); dates are 'YYYY-MM-DD' (printed 2026年11月27日).

/** 原件 / 复印件 */
export type MaterialForm = 'original' | 'copy';
/** 窗口领取 / 邮寄 / 电子送达 */
export type DeliveryMethod = 'window' | 'post' | 'electronic';

/** The centre that issues the document: its name is on every page. */
export interface CentreInfo {
  name: string;
  /** where to come: 杭州市滨江区企业服务中心一楼 3 号窗口 (used by the 一次性告知书 as the place to supply) */
  address?: string;
  phone?: string;
  /** 办公时间: 工作日 9:00–12:00、13:30–17:00 */
  hours?: string;
}

export interface CompanyRef {
  name: string;
  /** 统一社会信用代码 */
  uscc: string;
  /** the company's person at the counter (经办人) */
  contactName?: string;
  contactPhone?: string;
}

/** The policy item applied for (申报事项). */
export interface ItemRef {
  name: string;
  /** 主管部门 */
  department: string;
  policyTitle?: string;
  /** 文号 */
  docNo?: string;
}

/** 进度查询: the code printed as text and the address the QR code holds. */
export interface ProgressQuery {
  /** 查询码, e.g. 'K7M2Q9XA' */
  code: string;
  /** e.g. https://qyfw.example.gov.cn/progress?code=K7M2Q9XA — see progressQueryUrl() */
  url: string;
}

/** What every case document shows at its head and foot. */
export interface CaseDocumentBase {
  centre: CentreInfo;
  /** 办件编号 */
  caseNo: string;
  company: CompanyRef;
  item: ItemRef;
  /** 落款日期: the date beside the issuer's name (China date) */
  issuedOn: IsoDate;
  /** progress query; printed (code and QR code) where given — required on the acceptance notice */
  progress?: ProgressQuery;
}

/** A material as received or handed over. */
export interface MaterialLine {
  name: string;
  form: MaterialForm;
  copies: number;
  /** pages (of one copy) — 0 when not counted */
  pages: number;
  note?: string;
}

/** 容缺: a non-key material accepted as missing, to be supplied by a date. */
export interface DeferredMaterial {
  name: string;
  form: MaterialForm;
  copies: number;
  dueDate: IsoDate;
  note?: string;
}

/** 受理通知书 / 受理回执. With `deferred` non-empty it is a 容缺受理. */
export interface AcceptanceNoticeInput extends CaseDocumentBase {
  progress: ProgressQuery;
  /** when the application was taken in (ISO instant) */
  receivedAt: string;
  /** 经办人 (the clerk) */
  clerk: string;
  /** 窗口, e.g. '3 号窗口' */
  counter?: string;
  /** 咨询电话 for the applicant */
  contactPhone: string;
  received: MaterialLine[];
  deferred: DeferredMaterial[];
  /** 承诺办理时限 in working days */
  promisedDays: number;
  /** 承诺办结日期, from the working-day calendar */
  promisedDate: IsoDate;
}

/** One line of the 一次性告知书. */
export interface MaterialProblem {
  name: string;
  /** 缺少 / 有误（不符合要求） */
  kind: 'missing' | 'defective';
  /** what is wrong and what is needed (required for 'defective'; optional for 'missing') */
  defect?: string;
  form?: MaterialForm;
  copies?: number;
}

/** 一次性告知书 (补正). */
export interface SupplementNoticeInput extends CaseDocumentBase {
  /** when the materials were received (ISO instant) */
  receivedAt: string;
  problems: MaterialProblem[];
  clerk: string;
  contactPhone: string;
  /** where to bring the supplement; default: the centre's address */
  supplyAt?: string;
  /** other ways to supply, e.g. 也可登录 … 申报空间上传 */
  supplyOnline?: string;
  /** a date to supply by, when the item has one */
  supplyBy?: IsoDate;
  /** the rule cited; default: 政务服务一次性告知制度 (see docs/documents.md) */
  legalBasis?: string;
}

/** 不予受理通知书. */
export interface RefusalNoticeInput extends CaseDocumentBase {
  receivedAt: string;
  /** why (the clerk's words, required) */
  reason: string;
  /** the rule the refusal rests on, e.g. 《…管理办法》第五条 */
  basis?: string;
  clerk: string;
  contactPhone: string;
  /** 行政复议机关; default: 有管辖权的行政复议机关 */
  reviewBody?: string;
  /** default: 有管辖权的人民法院 */
  court?: string;
  /** who decides (落款); default: the centre */
  decidedBy?: string;
}

/** 材料交接单: the paper originals going from the counter to the department. */
export interface HandoverSheetInput extends CaseDocumentBase {
  fromClerk: string;
  fromCounter?: string;
  /** default: the item's department */
  toDepartment?: string;
  /** the department's receiver, when known before signing */
  toReceiver?: string;
  materials: MaterialLine[];
  /** ISO instant; blank lines for the date when not given */
  handedOverAt?: string;
  note?: string;
}

/** 送达回执 / 结果送达记录. */
export interface DeliveryRecordInput extends CaseDocumentBase {
  /** what was delivered: 审核结果通知书（核定补助 32 万元） */
  result: string;
  method: DeliveryMethod;
  /** ISO instant */
  deliveredAt: string;
  /** 受送达人 (the company's person, or the company) */
  recipient: string;
  recipientPhone?: string;
  /** 邮寄地址 or 电子送达地址 (e-mail, platform account) */
  address?: string;
  /** 邮件号 for 邮寄 */
  trackingNo?: string;
  /** 送达人 (the clerk) */
  deliveredBy: string;
  note?: string;
}

/** 日结报表: the end-of-day comparison as the sync page shows it, and this workstation's centre for the head. */
export type DayReportInput = DayCloseView & { localCentreName: string };

/** The progress query's address for a code: https://<host>/progress?code=<code>. */
export function progressQueryUrl(hostOrBase: string, code: string): string {
  const base = /^https?:\/\//.test(hostOrBase) ? hostOrBase.replace(/\/+$/, '') : `https://${hostOrBase.replace(/\/+$/, '')}`;
  return `${base}/progress?code=${encodeURIComponent(code)}`;
}
