import { AppError } from '@shared/api/errors';
import { t, type MessageKey } from '@shared/i18n';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { ApplicationService } from './application-service';
import { pageImages } from './page-image';
import type { ApplicationPorts, DocumentContext } from './ports';

type ApplicationMethods =
  | 'applicationCreate' | 'applicationList' | 'applicationGet' | 'applicationMaterialMark' | 'applicationPagesAdd'
  | 'applicationPageOp' | 'applicationDecide' | 'applicationSupplement' | 'applicationRoute' | 'applicationExtend'
  | 'applicationDeliver' | 'applicationProgress' | 'documentGet' | 'documentPrint' | 'materialPdf' | 'applicationPageImage';

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
  const pageImage = pageImages(ports.blobs);
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
      // built here if a scan batch is still saving or was cut short
      const m = await service.materialPdf(applicationId, materialId);
      return pdf(`${m.name}-${m.caseNo}`, m.bytes);
    },
    async applicationPageImage({ applicationId, materialId, pageId, width }) {
      const m = service.repo.material(applicationId, materialId);
      const p = m ? service.repo.pages(m.id).find((x) => x.id === pageId) : undefined;
      if (!p) throw new AppError('NOT_FOUND');
      const img = await pageImage(p, width);
      const ext = img.mimeType === 'application/pdf' ? 'pdf' : 'jpg';
      return { fileName: `page-${p.position}.${ext}`, mimeType: img.mimeType, base64: Buffer.from(img.bytes).toString('base64') };
    },
  };
}
