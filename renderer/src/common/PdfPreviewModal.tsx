import { useEffect, useMemo, useRef } from 'react';
import { Button, Flex, Modal } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import { blobOf, downloadBlob } from './files';

interface Props {
  /** the generated PDF; null: closed */
  file: { fileName: string; mimeType: string; base64: string } | null;
  title: string;
  onClose(): void;
}

/**
 * A generated PDF shown in the page (an iframe on a blob: URL, allowed by the CSP's frame-src),
 * with 下载 and 打印 (the frame's own print, so only the document is printed).
 */
export function PdfPreviewModal({ file, title, onClose }: Props) {
  useOverlay(!!file);
  const frame = useRef<HTMLIFrameElement>(null);
  const url = useMemo(() => (file ? URL.createObjectURL(blobOf(file)) : null), [file]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const print = () => {
    const w = frame.current?.contentWindow;
    if (!w) return;
    w.focus();
    w.print();
  };

  return (
    <Modal
      open={!!file}
      title={title}
      onCancel={onClose}
      width={960}
      centered
      destroyOnHidden
      styles={{ body: { padding: 0 } }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button icon={<DownloadOutlined />} onClick={() => url && file && downloadBlob(url, file.fileName)}>
            {t('pdf.download')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={print} autoFocus>
            {t('pdf.print')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Flex>
      }
    >
      {url && (
        <iframe
          ref={frame}
          src={url}
          title={title}
          data-testid="pdf-preview"
          style={{ width: '100%', height: 'calc(100vh - 200px)', border: '1px solid #f0f0f0', display: 'block' }}
        />
      )}
    </Modal>
  );
}
