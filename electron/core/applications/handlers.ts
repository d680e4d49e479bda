import { AppError } from '@shared/api/errors';
import { t, type MessageKey } from '@shared/i18n';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { ApplicationService } from './application-service';
import type { ApplicationPorts, DocumentContext } from './ports';

type ApplicationMethods =
  | 'applicationCreate' | 'applicationList' | 'applicationGet' | 'applicationMaterialMark' | 'applicationPagesAdd'
  | 'applicationPageOp' | 'applicationDecide' | 'applicationSupplement' | 'applicationRoute' | 'applicationExtend'
  | 'applicationDeliver' | 'applicationProgress' | 'documentGet' | 'documentPrint' | 'materialPdf';

/** The centre's facts a document prints (meta keys set at set-up; the progress address is a setting). */
export function documentContext(env: CoreEnv, staffName: string): DocumentContext {
  const meta = (key: string) => (env.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? '';
  const setting = (key: string) => {
    const v = env.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return v === undefined ? '' : (JSON.parse(v) as string);
  };
  return {
    centreName: meta('centre_name') || t('app.title'),
    centrePhone: setting('centre_phone') || '12345',
    staffName,
    printedAt: env.now(),
    progressUrl: setting('progress_host') || 'https://zwfw.example.gov.cn',
  };
}

export function applicationHandlers(env: CoreEnv, calendar: CalendarStore, ports: ApplicationPorts): Pick<Handlers, ApplicationMethods> & { service: ApplicationService } {
  const service = new ApplicationService(env, calendar, ports);
  const ctx = (staff: { displayName: string }) => documentContext(env, staff.displayName);
  const pdf = (name: string, bytes: Uint8Array) => ({ fileName: `${name}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') });

  return {
    service,
    applicationCreate: (input, caller) => service.create(input, signedIn(caller)),
    applicationList: ({ states, query, limit }) => service.repo.list(states, query, limit),
    applicationGet: ({ id }) => service.detail(id),
    applicationMaterialMark: (input, caller) => service.markMaterial(input, signedIn(caller)),
    applicationPagesAdd: ({ applicationId, materialId, files, source }, caller) =>
      service.addPages({ applicationId, materialId, source, files: files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })) }, signedIn(caller)),
    applicationPageOp: (input, caller) => service.pageOp(input, signedIn(caller)),
    applicationDecide: (input, caller) => {
      const staff = signedIn(caller);
      return service.decide(input, staff, ctx(staff));
    },
    applicationSupplement: ({ id }, caller) => service.supplement(id, signedIn(caller)),
    applicationRoute: ({ id }, caller) => {
      const staff = signedIn(caller);
      return service.route(id, staff, ctx(staff));
    },
    applicationExtend: (input, caller) => service.extend(input, signedIn(caller)),
    applicationDeliver: (input, caller) => {
      const staff = signedIn(caller);
      return service.deliver(input, staff, ctx(staff));
    },
    applicationProgress: ({ queryCode }) => service.progress(queryCode),
    async documentGet({ documentId }) {
      const d = await service.documentBytes(documentId);
      return pdf(`${t(`application.doc.${d.kind}` as MessageKey)}-${d.caseNo}`, d.bytes);
    },
    documentPrint: ({ documentId, printer }, caller) => service.print(documentId, printer, signedIn(caller)),
    async materialPdf({ applicationId, materialId }) {
      const app = service.detail(applicationId);
      const m = app.materials.find((x) => x.id === materialId);
      if (!m?.pdfSha256) throw new AppError('NOT_FOUND');
      return pdf(`${m.name}-${app.caseNo}`, await ports.blobs.get(m.pdfSha256));
    },
  };
}
