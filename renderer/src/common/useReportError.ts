import { useCallback } from 'react';
import { App } from 'antd';
import type { AppErrorData } from '@shared/api/errors';
import { useSessionStore } from '../app/session-store';
import { errorData } from './errors';

/**
 * Shows an error that belongs to no field as a message. A lost session sends the person back to
 * sign in instead (the core was restarted, or an administrator reset the password).
 */
export function useReportError(): (e: unknown) => AppErrorData {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown) => {
      const data = errorData(e);
      if (data.code === 'UNAUTHENTICATED') {
        useSessionStore.getState().expire();
        void message.warning(data.message);
      } else {
        void message.error(data.message);
      }
      return data;
    },
    [message],
  );
}
