import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MethodOutput } from '@shared/api/contract';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import { renderPdfPages } from '../applications/pdf-thumbnail';
import { blobOf, downloadBlob } from '../common/files';

type FileOutput = MethodOutput<'backOfficeMaterialPdf'>;

/** Pages drawn at once; a longer scan is downloaded whole. */
const MAX_PAGES = 30;
const PAGE_PX = 860;

/**
 * A material's scan, page by page, drawn with pdf.js (the same renderer as the counter's page strip),
 * so it reads the same in Electron and in any browser; 下载 gives the PDF itself. The page list takes
 * the focus: ↑↓ / PageUp / PageDown scroll, Esc closes.
 */
export function MaterialPdfModal({ file, title, onClose }: { file: FileOutput | null; title: string; onClose(): void }) {
  useOverlay(!!file);
  return (
    <Modal open={!!file} title={title} onCancel={onClose} width={960} centered destroyOnHidden footer={null} styles={{ body: { padding: 0 } }}>
      {file && <Pages file={file} onClose={onClose} />}
    </Modal>
  );
}

function Pages({ file, onClose }: { file: FileOutput; onClose(): void }) {
  const blob = useMemo(() => blobOf(file), [file]);
  const [pages, setPages] = useState<string[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState(false);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let urls: string[] = [];
    void (async () => {
      try {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const drawn = await renderPdfPages(bytes, PAGE_PX, MAX_PAGES);
        urls = drawn.pages.map((b) => URL.createObjectURL(b));
        if (!live) return;
        setPages(urls);
        setTotal(drawn.total);
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [blob]);

  useEffect(() => {
    if (pages) list.current?.focus();
  }, [pages]);

  const download = () => {
    const url = URL.createObjectURL(blob);
    downloadBlob(url, file.fileName);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <div>
      {failed ? (
        <Alert type="warning" showIcon style={{ margin: '0 24px 12px' }} title={t('boUi.viewer.failed')} />
      ) : !pages ? (
        <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <div
          ref={list}
          tabIndex={0}
          aria-label={t('boUi.viewer.pages', { n: pages.length })}
          data-testid="bo-pdf-viewer"
          style={{ height: 'calc(100vh - 220px)', overflow: 'auto', background: '#525659', padding: 12, outline: 'none' }}
        >
          {pages.map((src, i) => (
            <figure key={src} style={{ margin: '0 auto 12px', width: 'fit-content' }}>
              <img src={src} alt={t('boUi.viewer.page', { n: i + 1 })} data-testid="bo-pdf-page" style={{ display: 'block', maxWidth: '100%', boxShadow: '0 1px 4px rgba(0,0,0,.4)' }} />
              <figcaption style={{ color: '#fff', textAlign: 'center', fontSize: 12, marginTop: 4 }}>{t('boUi.viewer.pageOf', { n: i + 1, total })}</figcaption>
            </figure>
          ))}
          {total > pages.length && <Typography.Paragraph style={{ color: '#fff', textAlign: 'center' }}>{t('boUi.viewer.more', { n: pages.length, total })}</Typography.Paragraph>}
        </div>
      )}
      <Flex justify="flex-end" gap={8} style={{ padding: '12px 24px 16px' }}>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('pdf.download')}
        </Button>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Flex>
    </div>
  );
}
