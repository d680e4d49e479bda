import { useCallback } from 'react';
import { App } from 'antd';
import { useReportError } from '../common/useReportError';
import { copyKeyPointsToAnswer } from './link-actions';
import { useLinkTargetStore, type LinkedPolicy } from './link-target-store';

/** 复制要点到答复: a link's key points (by default the last one linked) appended to the answer, with a message. */
export function useCopyKeyPoints(): (link?: LinkedPolicy) => Promise<void> {
  const { message } = App.useApp();
  const report = useReportError();
  return useCallback(
    async (link?: LinkedPolicy) => {
      try {
        const r = await copyKeyPointsToAnswer(link ?? useLinkTargetStore.getState().lastLinked);
        void (r.ok ? message.success(r.message) : message.warning(r.message));
      } catch (e) {
        report(e);
      }
    },
    [message, report],
  );
}
