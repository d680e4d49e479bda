import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Form, InputNumber, Modal, Progress, Radio, Select, Spin, Typography } from 'antd';
import { ReloadOutlined, ScanOutlined, StopOutlined } from '@ant-design/icons';
import type { MaterialView } from '@shared/applications/schemas';
import type { ScanJobView, ScannerView } from '@shared/scan/api-schemas';
import type { COLOUR_MODES, SOURCES } from '@shared/scan/api-schemas';
import type { MessageKey } from '@shared/i18n';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { errorData } from '../common/errors';
import { useWorkspace } from './workspace-context';

type Mode = (typeof COLOUR_MODES)[number];
type Source = (typeof SOURCES)[number];

export const MODE_LABEL: Record<Mode, MessageKey> = { color: 'scan.mode.color', gray: 'scan.mode.gray', bw: 'scan.mode.bw' };
export const SOURCE_LABEL: Record<Source, MessageKey> = { flatbed: 'scan.source.flatbed', feeder: 'scan.source.feeder', 'feeder-duplex': 'scan.source.feederDuplex' };

const POLL_MS = 300;
/** a scan job is watched at most this long (a feeder of 500 pages at a slow resolution) */
const POLL_LIMIT_MS = 60 * 60_000;

interface Settings {
  device: string;
  resolution: number;
  mode: Mode;
  source: Source;
  count: number | null;
}

/** Settings a clerk uses most: 300 dpi, grey, the feeder where there is one. */
function defaults(s: ScannerView): Omit<Settings, 'device'> {
  const resolution = s.defaultResolution ?? (s.resolutions.includes(300) ? 300 : (s.resolutions[0] ?? 300));
  const mode: Mode = s.modes.includes('gray') ? 'gray' : (s.modes[0] ?? 'color');
  const source: Source = s.sources.includes('feeder') ? 'feeder' : (s.sources[0] ?? 'flatbed');
  return { resolution, mode, source, count: null };
}

/**
 * 扫描 into one material: the device and its settings, then per-page progress ("已扫描 n 页 /
 * 已保存 m 页") polled every 300 ms, 取消 at any time. A failure says why in Chinese; the pages saved
 * before it stay on the material.
 */
export function ScanModal({ material, onClose }: { material: MaterialView | null; onClose(): void }) {
  useOverlay(!!material);
  return (
    <Modal
      open={!!material}
      title={material ? t('appUi.scan.title', { name: material.name }) : ''}
      onCancel={onClose}
      footer={null}
      width={620}
      destroyOnHidden
      maskClosable={false}
      keyboard={false}
    >
      {material && <ScanBody material={material} onClose={onClose} />}
    </Modal>
  );
}

function ScanBody({ material, onClose }: { material: MaterialView; onClose(): void }) {
  const { application, replace } = useWorkspace();
  const [devices, setDevices] = useState<ScannerView[] | null>(null);
  const [devicesError, setDevicesError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [job, setJob] = useState<ScanJobView | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const loadDevices = useCallback(async () => {
    setDevices(null);
    setDevicesError(null);
    try {
      const list = await api.scanDevices({});
      if (!live.current) return;
      setDevices(list);
      const usable = list.find((d) => !d.problem) ?? list[0];
      setSettings(usable ? { device: usable.name, ...defaults(usable) } : null);
    } catch (e) {
      if (live.current) setDevicesError(errorData(e).message);
    }
  }, []);
  useEffect(() => void loadDevices(), [loadDevices]);

  const running = job?.state === 'scanning' || job?.state === 'saving';
  const device = devices?.find((d) => d.name === settings?.device);

  // per-page progress; each newly saved page is shown on the material at once
  useEffect(() => {
    if (!job || !running) return;
    const started = Date.now();
    let saved = job.pagesSaved;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const next = await api.scanStatus({ jobId: job.jobId });
        if (!live.current) return;
        setJob(next);
        if (next.pagesSaved !== saved || (next.state !== 'scanning' && next.state !== 'saving')) {
          saved = next.pagesSaved;
          api.applicationGet({ id: application.id }).then(replace, () => undefined);
        }
        if ((next.state === 'scanning' || next.state === 'saving') && Date.now() - started < POLL_LIMIT_MS) timer = setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        if (live.current) setJob((j) => (j ? { ...j, state: 'failed', error: { code: errorData(e).code, message: errorData(e).message } } : j));
      }
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => clearTimeout(timer);
    // the job's id starts the loop; its own updates do not restart it
  }, [job?.jobId, running]);

  const start = async () => {
    if (!settings) return;
    setStarting(true);
    setStartError(null);
    try {
      const isFeeder = settings.source !== 'flatbed';
      const j = await api.scanStart({
        applicationId: application.id,
        materialId: material.id,
        device: settings.device,
        resolution: settings.resolution,
        mode: settings.mode,
        source: settings.source,
        ...(isFeeder && settings.count ? { count: settings.count } : {}),
      });
      if (live.current) setJob(j);
    } catch (e) {
      if (live.current) setStartError(errorData(e).message);
    } finally {
      if (live.current) setStarting(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await api.scanCancel({ jobId: job.jobId }));
    } catch (e) {
      setStartError(errorData(e).message);
    }
  };

  // Esc cancels a running scan first, then closes; Enter starts one
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (running) void cancel();
      else onClose();
    } else if (e.key === 'Enter' && !running && !starting && settings && !(e.target instanceof HTMLElement && e.target.closest('.ant-select'))) {
      e.preventDefault();
      void start();
    }
  };

  const set = (patch: Partial<Settings>) => setSettings((s) => (s ? { ...s, ...patch } : s));

  return (
    <div onKeyDown={onKeyDown} data-testid="scan-panel">
      {devices === null && !devicesError && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {devicesError && <Alert type="error" showIcon role="alert" title={devicesError} style={{ marginBottom: 12 }} />}
      {devices && devices.length === 0 && <Alert type="warning" showIcon role="alert" title={t('appUi.scan.noDevices')} style={{ marginBottom: 12 }} />}
      {devices && settings && (
        <Form layout="horizontal" labelCol={{ flex: '72px' }} disabled={running || starting} style={{ marginBottom: 4 }}>
          <Form.Item label={t('appUi.scan.device')} style={{ marginBottom: 10 }}>
            <Select
              autoFocus
              value={settings.device}
              aria-label={t('appUi.scan.device')}
              onChange={(name: string) => {
                const d = devices.find((x) => x.name === name);
                if (d) setSettings({ device: name, ...defaults(d) });
              }}
              options={devices.map((d) => ({ value: d.name, label: d.problem ? `${d.label}（${d.problem}）` : d.label }))}
            />
          </Form.Item>
          {device?.problem && <Alert type="warning" showIcon title={device.problem} style={{ marginBottom: 10 }} />}
          <Form.Item label={t('appUi.scan.resolution')} style={{ marginBottom: 10 }}>
            <Select
              value={settings.resolution}
              aria-label={t('appUi.scan.resolution')}
              onChange={(resolution: number) => set({ resolution })}
              options={(device?.resolutions.length ? device.resolutions : [settings.resolution]).map((r) => ({ value: r, label: t('appUi.scan.dpi', { n: r }) }))}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item label={t('appUi.scan.mode')} style={{ marginBottom: 10 }}>
            <Radio.Group value={settings.mode} onChange={(e) => set({ mode: e.target.value as Mode })} optionType="button">
              {(device?.modes ?? []).map((m) => (
                <Radio.Button key={m} value={m}>
                  {t(MODE_LABEL[m])}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('appUi.scan.source')} style={{ marginBottom: 10 }}>
            <Radio.Group value={settings.source} onChange={(e) => set({ source: e.target.value as Source })} optionType="button">
              {(device?.sources ?? []).map((s) => (
                <Radio.Button key={s} value={s}>
                  {t(SOURCE_LABEL[s])}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {settings.source !== 'flatbed' && (
            <Form.Item label={t('appUi.scan.count')} style={{ marginBottom: 10 }} help={t('appUi.scan.countHint')}>
              <InputNumber min={1} max={500} value={settings.count} onChange={(count) => set({ count: count ?? null })} aria-label={t('appUi.scan.count')} />
            </Form.Item>
          )}
        </Form>
      )}
      {startError && <Alert type="error" showIcon role="alert" title={startError} style={{ marginBottom: 12 }} />}
      {job && <JobProgress job={job} />}
      <Flex justify="space-between" gap={8} style={{ marginTop: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void loadDevices()} disabled={running}>
          {t('appUi.scan.refresh')}
        </Button>
        <Flex gap={8}>
          {running ? (
            <Button danger icon={<StopOutlined />} onClick={() => void cancel()}>
              {t('appUi.scan.cancel')}
            </Button>
          ) : (
            <Button type="primary" icon={<ScanOutlined />} loading={starting} disabled={!settings || !!device?.problem} onClick={() => void start()}>
              {job ? t('appUi.scan.again') : t('appUi.scan.start')}
            </Button>
          )}
          <Button onClick={onClose} disabled={running}>
            {t('common.close')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}

/** 已扫描 n 页 / 已保存 m 页, and how it ended. */
function JobProgress({ job }: { job: ScanJobView }) {
  const running = job.state === 'scanning' || job.state === 'saving';
  const percent = job.pagesScanned ? Math.round((job.pagesSaved / job.pagesScanned) * 100) : 0;
  return (
    <div data-testid="scan-progress" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 12px' }}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="scan-counts">
          {t('appUi.scan.counts', { scanned: job.pagesScanned, saved: job.pagesSaved })}
        </Typography.Text>
        <Typography.Text type={job.state === 'failed' ? 'danger' : 'secondary'}>{t(`appUi.scan.state.${job.state}`)}</Typography.Text>
      </Flex>
      {running && <Progress percent={percent} showInfo={false} status="active" size="small" />}
      {job.state === 'failed' && job.error && (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={job.error.message} description={t('appUi.scan.kept', { n: job.pagesSaved })} />
      )}
      {job.state === 'cancelled' && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('appUi.scan.cancelled', { n: job.pagesSaved })} />}
      {job.state === 'done' && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('appUi.scan.done', { n: job.pagesSaved })} />}
    </div>
  );
}
