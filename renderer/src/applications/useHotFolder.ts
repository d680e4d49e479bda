import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '@shared/api/contract';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { api } from '../api/client';
import { errorData } from '../common/errors';

export type HotFolderView = MethodOutput<'hotFolderStatus'>;

const POLL_MS = 1000;

/**
 * The copier's hot folder as this workspace sees it. While it is armed for one of this
 * application's materials its status is polled, and the application is read again each time a
 * file has been taken. Leaving the application (or its checklist closing) disarms it, so pages
 * never land in a case nobody is looking at.
 */
export function useHotFolder(application: ApplicationDetail, enabled: boolean, replace: (a: ApplicationDetail) => void) {
  const [status, setStatus] = useState<HotFolderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const appId = application.id;
  const armedHere = !!status?.armedFor && status.armedFor.applicationId === appId;
  const taken = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await api.hotFolderStatus({});
      setStatus(s);
      setError(null);
      return s;
    } catch (e) {
      setError(errorData(e).message);
      return null;
    }
  }, []);

  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, refresh]);

  useEffect(() => {
    if (!armedHere) {
      taken.current = null;
      return;
    }
    const timer = setInterval(() => {
      void refresh().then((s) => {
        if (!s) return;
        if (taken.current !== null && s.taken !== taken.current) api.applicationGet({ id: appId }).then(replace, () => undefined);
        taken.current = s.taken;
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [armedHere, appId, refresh, replace]);

  const arm = useCallback(
    async (materialId: string | null) => {
      try {
        const s = await api.hotFolderArm({ target: materialId ? { applicationId: appId, materialId } : null });
        setStatus(s);
        setError(null);
        taken.current = s.taken;
      } catch (e) {
        setError(errorData(e).message);
      }
    },
    [appId],
  );

  // the checklist closed (a decision) or the clerk left the application: stop taking files for it
  const stillArmed = useRef(false);
  stillArmed.current = armedHere;
  const editable = enabled && application.state === 'receiving';
  useEffect(() => {
    if (!editable && stillArmed.current) void arm(null);
  }, [editable, arm]);
  useEffect(
    () => () => {
      if (stillArmed.current) void api.hotFolderArm({ target: null }).catch(() => undefined);
    },
    [appId],
  );

  return { status, error, armedHere, arm, refresh };
}
