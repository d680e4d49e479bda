import { AppError } from '@shared/api/errors';
import type { CoreEnv, Handlers } from '../api/handler-types';

export function enterpriseHandlers(_env: CoreEnv): Pick<Handlers, 'enterpriseLookup' | 'enterpriseGet' | 'enterpriseImport' | 'enterpriseTagAdd' | 'enterpriseTagRemove'> {
  const todo = () => {
    throw new AppError('INTERNAL');
  };
  return { enterpriseLookup: todo, enterpriseGet: todo, enterpriseImport: todo, enterpriseTagAdd: todo, enterpriseTagRemove: todo };
}
