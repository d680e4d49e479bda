import { createContext, useContext } from 'react';
import type { ApplicationDetail, IssuedDocument } from '@shared/applications/schemas';

export interface Workspace {
  application: ApplicationDetail;
  /** an action's answer: the application as it now is */
  replace(detail: ApplicationDetail): void;
  /** counter clerks and managers act; the others read */
  mayAct: boolean;
  /** 延期 is also for the business officer */
  mayExtend: boolean;
  /** the document preview with 打印 */
  openDocument(doc: IssuedDocument): void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside the application workspace');
  return w;
}

/** The newest document of these kinds (the one a decision or step has just issued). */
export function newestDocument(a: ApplicationDetail, ...kinds: IssuedDocument['kind'][]): IssuedDocument | null {
  const docs = a.documents.filter((d) => kinds.includes(d.kind));
  return docs.reduce<IssuedDocument | null>((best, d) => (!best || d.createdAt >= best.createdAt ? d : best), null);
}
