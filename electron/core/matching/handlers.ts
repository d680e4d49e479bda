import { AppError } from '@shared/api/errors';
import type { CoreEnv, Handlers } from '../api/handler-types';

export function matchingHandlers(_env: CoreEnv): Pick<Handlers, 'matchEnterprise' | 'matchListPdf' | 'matchItem' | 'matchItemExport'> {
  const todo = () => {
    throw new AppError('INTERNAL');
  };
  return { matchEnterprise: todo, matchListPdf: todo, matchItem: todo, matchItemExport: todo };
}
