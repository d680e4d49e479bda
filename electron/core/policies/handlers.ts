import { AppError } from '@shared/api/errors';
import type { CoreEnv, Handlers } from '../api/handler-types';

export function policyHandlers(_env: CoreEnv): Pick<Handlers, 'policySearch' | 'policyGet' | 'policyFacets' | 'policyImport'> {
  const todo = () => {
    throw new AppError('INTERNAL');
  };
  return { policySearch: todo, policyGet: todo, policyFacets: todo, policyImport: todo };
}
