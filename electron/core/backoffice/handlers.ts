import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import type { BlobStore } from '../materials/blob-store';
import { BackOfficeService } from './backoffice-service';

type BackOfficeMethods = 'backOfficeInbox' | 'backOfficeCase' | 'backOfficeMaterialPdf' | 'backOfficeDecide';

export function backOfficeHandlers(env: CoreEnv, calendar: CalendarStore, blobs: BlobStore): Pick<Handlers, BackOfficeMethods> {
  const service = new BackOfficeService(env, calendar, blobs);
  return {
    backOfficeInbox: (input) => service.inbox(input),
    backOfficeCase: ({ id }) => service.detail(id),
    backOfficeMaterialPdf: ({ caseId, materialId }) => service.materialPdf(caseId, materialId),
    backOfficeDecide: (input, caller) => service.decide(input, signedIn(caller)),
  };
}
