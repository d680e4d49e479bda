import { useEffect, useRef, useState } from 'react';
import { Spin, Tooltip } from 'antd';
import { FileImageOutlined, WarningOutlined } from '@ant-design/icons';
import type { PageView } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { errorData } from '../common/errors';
import { ApiError } from '../api/client';
import { acquireThumbnail, thumbnailKey } from './page-thumbnails';

interface Props {
  applicationId: string;
  materialId: string;
  page: PageView;
  /** 1-based, as the clerk counts */
  n: number;
}

type Shown = { key: string; url: string } | { key: string; error: string };

/** Asked for once the row scrolls into view (a material of 40 scanned pages loads what is seen). */
function useSeen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const io = new IntersectionObserver((es) => {
      if (es.some((x) => x.isIntersecting)) {
        setSeen(true);
        io.disconnect();
      }
    }, { rootMargin: '120px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return [ref, seen];
}

/** One page, small, as the clerk turned it; a blank-looking page is framed in orange. */
export function PageThumbnail({ applicationId, materialId, page, n }: Props) {
  const [ref, seen] = useSeen<HTMLDivElement>();
  const key = thumbnailKey(page);
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    if (!seen) return;
    let live = true;
    const h = acquireThumbnail(key, { applicationId, materialId, pageId: page.id });
    h.url.then(
      (url) => live && setShown({ key, url }),
      (e: unknown) => live && setShown({ key, error: e instanceof ApiError ? errorData(e).message : t('appUi.pages.thumbPdfFailed') }),
    );
    return () => {
      live = false;
      h.release();
    };
    // the ids only say where to fetch from: the content (the key) decides what is fetched
  }, [seen, key]);

  const current = shown?.key === key ? shown : null;
  return (
    <div ref={ref} className={`pd-thumb${page.blank ? ' pd-thumb-blank' : ''}`} data-testid="page-thumb" data-state={current ? ('url' in current ? 'shown' : 'failed') : seen ? 'loading' : 'waiting'}>
      {current && 'url' in current ? (
        <img src={current.url} alt={t('appUi.pages.thumbAlt', { n })} draggable={false} />
      ) : current ? (
        <Tooltip title={t('appUi.pages.thumbFailed', { n, reason: current.error })}>
          <WarningOutlined className="pd-thumb-icon" aria-label={t('appUi.pages.thumbFailed', { n, reason: current.error })} />
        </Tooltip>
      ) : seen ? (
        <Spin size="small" aria-label={t('appUi.pages.thumbLoading', { n })} />
      ) : (
        <FileImageOutlined className="pd-thumb-icon" />
      )}
      {page.blank && <span className="pd-thumb-flag">{t('appUi.pages.blank')}</span>}
    </div>
  );
}
