import type { ApplicationDetail, DocumentKind, MaterialView } from '@shared/applications/schemas';
import { chinaDate } from '@shared/time/china-time';
import type { DocumentContext, DocumentPorts } from '../applications/ports';
import { renderAcceptanceNotice } from './acceptance-notice';
import { progressQueryUrl } from './document-types';
import { renderAcceptanceReceipt } from './acceptance-receipt';
import { renderDeliveryRecord } from './delivery-record';
import type {
  AcceptanceNoticeInput,
  CaseDocumentBase,
  DeliveryRecordInput,
  HandoverSheetInput,
  MaterialLine,
  RefusalNoticeInput,
  SupplementNoticeInput,
} from './document-types';
import { renderHandoverSheet } from './handover-sheet';
import { renderRefusalNotice } from './refusal-notice';
import { renderSupplementNotice } from './supplement-notice';

// The applications service's DocumentPorts: an application (as the service shows it) and the
// printing context, turned into the inputs of the documents. Only mapping here — every rule (which
// document a state allows, the dates) is the service's.

const line = (m: MaterialView): MaterialLine => ({ name: m.name, form: m.form, copies: m.copies, pages: m.pages.length });
const received = (app: ApplicationDetail) => app.materials.filter((m) => m.state === 'present').map(line);

/** When the application was decided (受理 / 不予受理 / 补正), else when it was opened. */
function decidedAt(app: ApplicationDetail): string {
  const decided = app.events.filter((e) => e.kind === 'decided').at(-1);
  return decided?.at ?? app.createdAt;
}

export function caseBase(app: ApplicationDetail, ctx: DocumentContext): CaseDocumentBase {
  return {
    centre: { name: ctx.centreName, phone: ctx.centrePhone },
    caseNo: app.caseNo,
    company: { name: app.enterpriseName, uscc: app.uscc, contactName: app.contactName, contactPhone: app.contactPhone },
    item: { name: app.item.name, department: app.item.department, policyTitle: app.policy.title, docNo: app.policy.docNo },
    issuedOn: chinaDate(ctx.printedAt),
    progress: { code: app.queryCode, url: progressQueryUrl(ctx.progressUrl, app.queryCode) },
  };
}

const phone = (app: ApplicationDetail, ctx: DocumentContext) => app.item.contactPhone || ctx.centrePhone;

export function acceptanceInput(app: ApplicationDetail, ctx: DocumentContext): AcceptanceNoticeInput {
  const base = caseBase(app, ctx);
  if (!app.deadline.dueDate) throw new Error(`application ${app.caseNo} has no promised date: not accepted`);
  return {
    ...base,
    progress: base.progress!,
    receivedAt: decidedAt(app),
    clerk: app.clerkName,
    contactPhone: phone(app, ctx),
    received: received(app),
    deferred: app.materials
      .filter((m) => m.state === 'missing' && m.dueDate)
      .map((m) => ({ name: m.name, form: m.form, copies: m.copies, dueDate: m.dueDate! })),
    promisedDays: app.deadline.promisedDays,
    promisedDate: app.deadline.dueDate,
  };
}

export function supplementInput(app: ApplicationDetail, ctx: DocumentContext): SupplementNoticeInput {
  return {
    ...caseBase(app, ctx),
    receivedAt: app.createdAt,
    clerk: app.clerkName,
    contactPhone: phone(app, ctx),
    problems: app.materials
      .filter((m) => m.state === 'missing' || m.state === 'defective')
      .map((m) => ({ name: m.name, kind: m.state === 'defective' ? ('defective' as const) : ('missing' as const), defect: m.defect || undefined, form: m.form, copies: m.copies })),
  };
}

export function refusalInput(app: ApplicationDetail, ctx: DocumentContext): RefusalNoticeInput {
  return { ...caseBase(app, ctx), receivedAt: app.createdAt, reason: app.reason, clerk: app.clerkName, contactPhone: phone(app, ctx) };
}

export function handoverInput(app: ApplicationDetail, ctx: DocumentContext): HandoverSheetInput {
  return {
    ...caseBase(app, ctx),
    fromClerk: ctx.staffName,
    toDepartment: app.item.department,
    materials: received(app),
    // the time it was routed; before that, blank lines to fill in by hand
    handedOverAt: app.events.filter((e) => e.kind === 'routed').at(-1)?.at,
  };
}

export function deliveryInput(app: ApplicationDetail, ctx: DocumentContext): DeliveryRecordInput {
  const d = app.delivery;
  if (!d) throw new Error(`application ${app.caseNo} has no delivery recorded`);
  return {
    ...caseBase(app, ctx),
    result: d.result,
    method: d.method,
    deliveredAt: d.deliveredAt,
    recipient: d.recipient,
    address: d.address || undefined,
    deliveredBy: d.staffName,
    note: d.note || undefined,
  };
}

/** The documents for create-core to hand to the applications service. */
export function applicationDocuments(resourcesDir: string): DocumentPorts {
  return {
    async render(kind: DocumentKind, app: ApplicationDetail, ctx: DocumentContext): Promise<Uint8Array> {
      switch (kind) {
        case 'acceptance':
          return renderAcceptanceNotice(resourcesDir, acceptanceInput(app, ctx));
        case 'acceptance_thermal':
          return renderAcceptanceReceipt(resourcesDir, acceptanceInput(app, ctx));
        case 'correction':
          return renderSupplementNotice(resourcesDir, supplementInput(app, ctx));
        case 'refusal':
          return renderRefusalNotice(resourcesDir, refusalInput(app, ctx));
        case 'handover':
          return renderHandoverSheet(resourcesDir, handoverInput(app, ctx));
        case 'delivery':
          return renderDeliveryRecord(resourcesDir, deliveryInput(app, ctx));
      }
    },
  };
}
