import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Modal, Select, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { IssuedDocument } from '@shared/applications/schemas';
import type { MethodOutput } from '@shared/api/contract';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { PRINT_DOC_TYPE_OF, printerFor, type PrintSettings } from '@shared/print/settings';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { errorData } from '../common/errors';
import { blobOf, downloadBlob } from '../common/files';
import { chineseDateTime } from '../common/format';
import { useWorkspace } from './workspace-context';

type FileOutput = MethodOutput<'documentGet'>;
type Printer = MethodOutput<'printerList'>[number];

/** The printer chosen last, for the next document (this session only). */
let lastPrinter = '';

/** Each document's line in 打印设置 (as the core's print port reads it). */
/** Where 打印 sends the document when no printer is picked here: the one 打印设置 names for it now. */
function bySettingsLabel(kind: IssuedDocument['kind'], settings: PrintSettings | null, printers: Printer[] | null): string {
  if (!settings || !printers) return t('appUi.doc.bySettingsLoading');
  try {
    const name = printerFor(PRINT_DOC_TYPE_OF[kind], settings, printers).printer;
    const p = printers.find((x) => x.name === name);
    const state = p?.state === 'stopped' ? t('appUi.doc.stopped', { reason: p.reason || t('print.reason.unknown') }) : '';
    return t('appUi.doc.bySettings', { printer: `${name ?? t('printUi.systemDefault')}${state}` });
  } catch {
    return t('appUi.doc.bySettingsNone');
  }
}

/**
 * An issued document (受理通知书, 一次性告知书 …) as it was kept: the PDF in the page, 下载, and
 * 打印 to a printer of this PC. A failed print says why and offers 重新打印; the document stays.
 */
export function DocumentPreviewModal({ doc, onClose }: { doc: IssuedDocument | null; onClose(): void }) {
  useOverlay(!!doc);
  const { application } = useWorkspace();
  const title = doc ? `${t(`application.doc.${doc.kind}`)}${t('common.separator')}${application.caseNo}` : '';
  return (
    <Modal open={!!doc} title={title} onCancel={onClose} width={980} centered destroyOnHidden footer={null} styles={{ body: { padding: 0 } }}>
      {doc && <PreviewBody key={doc.id} doc={doc} title={title} onClose={onClose} />}
    </Modal>
  );
}

function PreviewBody({ doc, title, onClose }: { doc: IssuedDocument; title: string; onClose(): void }) {
  const { application, replace, mayAct } = useWorkspace();
  const { message } = App.useApp();
  const [file, setFile] = useState<FileOutput | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [printersError, setPrintersError] = useState<string | null>(null);
  const [printer, setPrinter] = useState<string>(lastPrinter);
  const [printing, setPrinting] = useState(false);
  // the document as last known here: a print changes its status
  const current = application.documents.find((d) => d.id === doc.id) ?? doc;
  const [printError, setPrintError] = useState<string | null>(current.printError);

  useEffect(() => {
    let live = true;
    api.documentGet({ documentId: doc.id }).then(
      (f) => live && setFile(f),
      (e: unknown) => live && setLoadError(errorData(e)),
    );
    return () => {
      live = false;
    };
  }, [doc.id]);

  // the printers and their state, again after each print (a printer stops, or is put right)
  const [printersTick, setPrintersTick] = useState(0);
  useEffect(() => {
    if (!mayAct) return;
    let live = true;
    api.printerList({}).then(
      (list) => {
        if (!live) return;
        setPrinters(list);
        setPrintersError(null);
        setPrinter((chosen) => (chosen && !list.some((p) => p.name === chosen) ? '' : chosen));
      },
      (e: unknown) => live && setPrintersError(errorData(e).message),
    );
    api.printSettingsGet({}).then(
      (s) => live && setSettings(s),
      () => undefined, // the list still offers every printer
    );
    return () => {
      live = false;
    };
  }, [mayAct, printersTick]);

  const url = useMemo(() => (file ? URL.createObjectURL(blobOf(file)) : null), [file]);
  // 打印 takes the focus once there is something to print: Enter prints, Esc closes
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (file) printButton.current?.focus();
  }, [file]);
  // after a failed print 重新打印 takes it (Enter tries again once the printer is put right); after
  // a print, 打印 again (the error and its button are gone)
  const reprintButton = useRef<HTMLButtonElement>(null);
  const [focusAfter, setFocusAfter] = useState<{ on: 'print' | 'reprint' } | null>(null);
  useEffect(() => {
    if (focusAfter) (focusAfter.on === 'reprint' ? reprintButton : printButton).current?.focus();
  }, [focusAfter]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  // the last error stays in sight while 重新打印 tries again
  const print = async () => {
    setPrinting(true);
    lastPrinter = printer;
    try {
      const after = await api.documentPrint({ documentId: doc.id, ...(printer ? { printer } : {}) });
      replace(after);
      setPrintError(null);
      setFocusAfter({ on: 'print' });
      const done = after.documents.find((d) => d.id === doc.id);
      void message.success(t('appUi.doc.printed', { doc: t(`application.doc.${doc.kind}`), printer: done?.printer ?? printer }));
    } catch (e) {
      const data = errorData(e);
      setPrintError(data.message);
      setFocusAfter({ on: 'reprint' });
      // the failure is on the application's record too
      api.applicationGet({ id: application.id }).then(replace, () => undefined);
    } finally {
      setPrinting(false);
      setPrintersTick((n) => n + 1);
    }
  };

  const printerOptions = [
    { value: '', label: bySettingsLabel(doc.kind, settings, printers) },
    ...(printers ?? []).map((p) => ({
      value: p.name,
      label: `${p.name}${p.isDefault ? t('appUi.doc.isDefault') : ''}${p.state === 'stopped' ? t('appUi.doc.stopped', { reason: p.reason || t('print.reason.unknown') }) : ''}`,
    })),
  ];

  return (
    <div>
      <div style={{ padding: '0 24px 8px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="document-file-name">
          {file?.fileName ?? ''}
        </Typography.Text>
        {current.printedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 12 }} data-testid="document-printed">
            {t('appUi.doc.printedAt', { at: chineseDateTime(current.printedAt), printer: current.printer ?? '' })}
          </Typography.Text>
        )}
      </div>
      {loadError ? (
        <Alert type="error" showIcon role="alert" title={loadError.message} style={{ margin: '0 24px 12px' }} />
      ) : url ? (
        <iframe
          src={url}
          title={title}
          data-testid="document-preview"
          style={{ width: '100%', height: printError ? 'calc(100vh - 350px)' : 'calc(100vh - 250px)', border: '1px solid #f0f0f0', display: 'block' }}
        />
      ) : (
        <Spin style={{ display: 'block', margin: '80px auto' }} />
      )}
      {printError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="print-error"
          style={{ margin: '12px 24px 0' }}
          title={t('appUi.doc.printFailed')}
          description={printError}
          action={
            mayAct && (
              <Button icon={<ReloadOutlined />} ref={reprintButton} onClick={() => void print()} loading={printing}>
                {t('appUi.doc.reprint')}
              </Button>
            )
          }
        />
      )}
      <Flex justify="space-between" align="center" gap={8} style={{ padding: '12px 24px 16px' }}>
        {mayAct ? (
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Typography.Text>{t('appUi.doc.printer')}</Typography.Text>
            <Select
              value={printer}
              onChange={setPrinter}
              options={printerOptions}
              loading={printers === null && !printersError}
              style={{ width: 400 }}
              aria-label={t('appUi.doc.printer')}
              data-testid="printer-select"
            />
            {printersError && <Typography.Text type="danger">{printersError}</Typography.Text>}
          </Flex>
        ) : (
          <span />
        )}
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} disabled={!url} onClick={() => url && file && downloadBlob(url, file.fileName)}>
            {t('pdf.download')}
          </Button>
          {mayAct && (
            <Button type="primary" icon={<PrinterOutlined />} ref={printButton} loading={printing} disabled={!file} onClick={() => void print()} data-testid="document-print">
              {t('appUi.doc.print')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Flex>
      </Flex>
    </div>
  );
}
