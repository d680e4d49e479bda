import { z } from 'zod';
import type { Role } from '../accounts/roles';
import { Session, SetupAdminInput, SignInInput, Staff, StaffCreateInput, StaffUpdateInput } from '../accounts/schemas';
import {
  Consultation, ConsultationCreateInput, ConsultationListInput, ConsultationUpdateInput, IdInput,
} from '../consultations/schemas';
import {
  CallEndInput, CallStartOutput, CallsByNumberInput, CallsByNumberOutput, ReturnCallInput, Ticket, TicketListInput,
} from '../hotline/schemas';
import {
  DateInput, ImportReport, PolicyDetail, PolicyFacets, PolicyImportInput, PolicySearchInput, PolicySearchOutput,
} from '../policies/api-schemas';
import {
  EnterpriseImportInput, EnterpriseLookupInput, EnterpriseProfile, EnterpriseSummary, TagRemoveInput, UsccInput,
} from '../enterprises/api-schemas';
import { ManualTagInput } from '../enterprises/schemas';
import { EnterpriseMatchOutput, FileOutput, ItemMatchInput, ItemMatchOutput } from '../matching/api-schemas';
import {
  ApplicationCreateInput, ApplicationDetail, ApplicationListInput, ApplicationSummary, DecideInput, DeliverInput,
  DocumentInput, DocumentPrintInput, ExtendInput, IdInput as ApplicationIdInput, MaterialMarkInput, PageOpInput, PagesAddInput,
  ProgressInput, ProgressOutput,
} from '../applications/schemas';
import {
  BackOfficeCaseDetail, BackOfficeCaseInput, BackOfficeCaseSummary, BackOfficeDecideInput, BackOfficeInboxInput, BackOfficeMaterialPdfInput,
} from '../backoffice/api-schemas';
import { HotFolderArmInput, HotFolderView, JobInput, ScanJobView, ScannerView, ScanStartInput } from '../scan/api-schemas';
import { PrintSettings } from '../print/settings';
import { PrinterInfo } from '../print/schemas';
import { CalendarDaysOutput, CalendarRemoveInput, CalendarSetInput, HolidayNoticeSchema } from '../calendar/schemas';
import { DayCloseIdInput, DayCloseView, DayReportPrintInput, RejectedMutation, SyncDayCloseInput, SyncEnrolInput, SyncStatus } from '../sync/api-schemas';

// THE API. Every method a renderer may call: its input, its output and who may call it.
// The IPC handlers, the preload bridge, the HTTP routes and the renderer's client are all made
// from this one table; the Node side validates every input against it before the core sees it.

/** 'public': before sign-in; 'signed-in': any staff; otherwise the roles allowed. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): MethodSpec<I, O> => ({
  input,
  output,
  access,
});

const Empty = z.strictObject({});
const Ok = z.object({ ok: z.literal(true) });

const CONSULTING: readonly Role[] = ['counter', 'hotline', 'business'];
const READING_CONSULTATIONS: readonly Role[] = [...CONSULTING, 'manager'];
const HOTLINE: readonly Role[] = ['hotline'];
const LIBRARY_KEEPERS: readonly Role[] = ['backoffice', 'admin'];
const COMPANY_READERS: readonly Role[] = ['counter', 'hotline', 'business', 'backoffice', 'manager'];
const MATCHERS: readonly Role[] = ['counter', 'hotline', 'business', 'manager'];
const CAMPAIGNERS: readonly Role[] = ['business', 'backoffice', 'manager'];
/** who takes in applications at the counter */
const ACCEPTORS: readonly Role[] = ['counter', 'manager'];
const CASE_READERS: readonly Role[] = ['counter', 'business', 'backoffice', 'manager'];
/** the department's business officers, who decide on routed applications */
const BACK_OFFICE: readonly Role[] = ['business'];

export const AppStatus = z.object({
  state: z.enum(['ready', 'setup', 'db_error']),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  centreName: z.string(),
  deviceId: z.string(),
  today: z.string(),
  version: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const contract = {
  // app & accounts
  appStatus: method(Empty, AppStatus, 'public'),
  setupAdmin: method(SetupAdminInput, Session, 'public'),
  signIn: method(SignInInput, Session, 'public'),
  signOut: method(Empty, Ok, 'signed-in'),
  currentSession: method(Empty, Session, 'signed-in'),
  staffList: method(Empty, z.array(Staff), ['admin']),
  staffCreate: method(StaffCreateInput, Staff, ['admin']),
  staffUpdate: method(StaffUpdateInput, Staff, ['admin']),

  // 窗口咨询
  consultationCreate: method(ConsultationCreateInput, Consultation, CONSULTING),
  consultationUpdate: method(ConsultationUpdateInput, Consultation, CONSULTING),
  consultationGet: method(IdInput, Consultation, READING_CONSULTATIONS),
  consultationList: method(ConsultationListInput, z.array(Consultation), READING_CONSULTATIONS),

  // 热线来电 and 工单
  callStart: method(Empty, CallStartOutput, HOTLINE),
  /** the operator's call still open (after a reload or a crash), to pick it up again */
  callInProgress: method(Empty, CallStartOutput.nullable(), HOTLINE),
  callEnd: method(CallEndInput, Consultation, HOTLINE),
  callsByNumber: method(CallsByNumberInput, CallsByNumberOutput, [...HOTLINE, 'manager']),
  ticketList: method(TicketListInput, z.array(Ticket), READING_CONSULTATIONS),
  ticketGet: method(IdInput, Ticket, READING_CONSULTATIONS),
  ticketReturnCall: method(ReturnCallInput, Ticket, CONSULTING),

  // 政策库 · 企业画像 · 政策匹配
  policySearch: method(PolicySearchInput, PolicySearchOutput, 'signed-in'),
  policyGet: method(IdInput, PolicyDetail, 'signed-in'),
  policyFacets: method(Empty, PolicyFacets, 'signed-in'),
  policyImport: method(PolicyImportInput, ImportReport, LIBRARY_KEEPERS),
  enterpriseLookup: method(EnterpriseLookupInput, z.array(EnterpriseSummary), COMPANY_READERS),
  enterpriseGet: method(UsccInput, EnterpriseProfile, COMPANY_READERS),
  enterpriseImport: method(EnterpriseImportInput, ImportReport, LIBRARY_KEEPERS),
  enterpriseTagAdd: method(ManualTagInput, EnterpriseProfile, ['business', 'backoffice']),
  enterpriseTagRemove: method(TagRemoveInput, EnterpriseProfile, ['business', 'backoffice']),
  matchEnterprise: method(UsccInput.extend(DateInput.shape), EnterpriseMatchOutput, MATCHERS),
  /** 政策匹配清单 as PDF, for the company */
  matchListPdf: method(UsccInput, FileOutput, MATCHERS),
  matchItem: method(ItemMatchInput, ItemMatchOutput, CAMPAIGNERS),
  matchItemExport: method(ItemMatchInput.pick({ itemId: true }), FileOutput, CAMPAIGNERS),

  // 申报受理 · 材料 · 文书
  applicationCreate: method(ApplicationCreateInput, ApplicationDetail, ACCEPTORS),
  applicationList: method(ApplicationListInput, z.array(ApplicationSummary), CASE_READERS),
  applicationGet: method(ApplicationIdInput, ApplicationDetail, CASE_READERS),
  applicationMaterialMark: method(MaterialMarkInput, ApplicationDetail, ACCEPTORS),
  /** pages from file import, drag-and-drop or the document camera */
  applicationPagesAdd: method(PagesAddInput, z.object({ application: ApplicationDetail, refused: z.array(z.object({ name: z.string(), message: z.string() })) }), ACCEPTORS),
  applicationPageOp: method(PageOpInput, ApplicationDetail, ACCEPTORS),
  applicationDecide: method(DecideInput, ApplicationDetail, ACCEPTORS),
  applicationSupplement: method(ApplicationIdInput, ApplicationDetail, ACCEPTORS),
  applicationRoute: method(ApplicationIdInput, ApplicationDetail, ACCEPTORS),
  applicationExtend: method(ExtendInput, ApplicationDetail, [...ACCEPTORS, 'business']),
  applicationDeliver: method(DeliverInput, ApplicationDetail, ACCEPTORS),
  /** 进度查询 by the code on the receipt */
  applicationProgress: method(ProgressInput, ProgressOutput, 'signed-in'),
  /** an issued document (or a material's PDF by its page list) for preview and download */
  documentGet: method(DocumentInput, FileOutput, CASE_READERS),
  documentPrint: method(DocumentPrintInput, ApplicationDetail, ACCEPTORS),
  /** scanners on this PC (SANE) */
  scanDevices: method(Empty, z.array(ScannerView), ACCEPTORS),
  /** scans into a material; poll scanStatus for per-page progress */
  scanStart: method(ScanStartInput, ScanJobView, ACCEPTORS),
  scanStatus: method(JobInput, ScanJobView, ACCEPTORS),
  scanCancel: method(JobInput, ScanJobView, ACCEPTORS),
  hotFolderStatus: method(Empty, HotFolderView, ACCEPTORS),
  /** files the copier drops into the hot folder go to this material (null: stop) */
  hotFolderArm: method(HotFolderArmInput, HotFolderView, ACCEPTORS),
  printerList: method(Empty, z.array(PrinterInfo), [...ACCEPTORS, 'admin']),
  /** printer, paper and copies per document type, and the thermal receipt printer (this PC) */
  printSettingsGet: method(Empty, PrintSettings, [...ACCEPTORS, 'admin']),
  printSettingsSet: method(PrintSettings, PrintSettings, ['admin', 'manager']),
  materialPdf: method(z.strictObject({ applicationId: z.string().min(1).max(64), materialId: z.string().min(1).max(64) }), FileOutput, CASE_READERS),
  /** a page's thumbnail as shown (turned): a small JPEG, or for a PDF page the one-page PDF for the renderer to draw */
  applicationPageImage: method(
    z.strictObject({
      applicationId: z.string().min(1).max(64), materialId: z.string().min(1).max(64), pageId: z.string().min(1).max(64),
      /** pixels across */
      width: z.number().int().min(80).max(800).default(200),
    }),
    FileOutput,
    CASE_READERS,
  ),

  // 后台审核（业务科室）: routed applications at the department's workstation
  backOfficeInbox: method(BackOfficeInboxInput, z.array(BackOfficeCaseSummary), BACK_OFFICE),
  backOfficeCase: method(BackOfficeCaseInput, BackOfficeCaseDetail, BACK_OFFICE),
  /** a material's PDF as the counter scanned it (MATERIAL_NOT_YET_HERE until it has arrived) */
  backOfficeMaterialPdf: method(BackOfficeMaterialPdfInput, FileOutput, BACK_OFFICE),
  backOfficeDecide: method(BackOfficeDecideInput, BackOfficeCaseDetail, BACK_OFFICE),

  // 工作日历
  calendarDays: method(Empty, CalendarDaysOutput, 'signed-in'),
  calendarSet: method(CalendarSetInput, CalendarDaysOutput, ['admin']),
  calendarRemove: method(CalendarRemoveInput, CalendarDaysOutput, ['admin']),
  calendarImportNotice: method(HolidayNoticeSchema, CalendarDaysOutput, ['admin']),

  // 同步（与中心）
  syncStatus: method(Empty, SyncStatus, 'signed-in'),
  /** one sync round now (push, then pull); answers the status after it */
  syncNow: method(Empty, SyncStatus, 'signed-in'),
  /** registers this workstation with the centre by the administrator's one-time code */
  syncEnrol: method(SyncEnrolInput, SyncStatus, ['admin']),
  /** records the centre refused for good, with why */
  syncRejected: method(Empty, z.array(RejectedMutation), 'signed-in'),
  /** 日结: push and pull everything, then compare the day's records with the centre; keeps the result and its report */
  syncDayClose: method(SyncDayCloseInput, DayCloseView, 'signed-in'),
  /** the latest 日结 (null: none yet) */
  syncDayCloseLast: method(Empty, DayCloseView.nullable(), 'signed-in'),
  /** a 日结's report (日结报表 PDF) */
  syncDayReport: method(DayCloseIdInput, FileOutput, 'signed-in'),
  /** prints a 日结's report (A4) on the printer given or the PC's default; answers the printer used */
  syncDayReportPrint: method(DayReportPrintInput, z.object({ printer: z.string(), jobId: z.string().nullable() }), 'signed-in'),
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
