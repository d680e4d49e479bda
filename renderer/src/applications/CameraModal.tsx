import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Spin, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { MaterialView } from '@shared/applications/schemas';
import type { MessageKey } from '@shared/i18n';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import { errorData } from '../common/errors';
import { isTyping } from '../common/keys';
import { addFiles, type RefusedFile } from './page-intake';
import { useWorkspace } from './workspace-context';

const JPEG_QUALITY = 0.92;

/** Why the camera cannot be used, in words for the clerk (getUserMedia's error names). */
export function cameraProblem(e: unknown): MessageKey {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'appUi.camera.notFound';
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'appUi.camera.denied';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'appUi.camera.busy';
    default:
      return 'appUi.camera.failed';
  }
}

/**
 * 高拍仪 (document camera): a live picture, Space (or the button) takes the page as a JPEG into
 * the material. Several pages may be taken one after another; Esc closes and frees the camera.
 */
export function CameraModal({ material, onClose }: { material: MaterialView | null; onClose(): void }) {
  useOverlay(!!material);
  return (
    <Modal open={!!material} title={material ? t('appUi.camera.title', { name: material.name }) : ''} onCancel={onClose} footer={null} width={760} destroyOnHidden centered>
      {material && <CameraBody material={material} onClose={onClose} />}
    </Modal>
  );
}

function CameraBody({ material, onClose }: { material: MaterialView; onClose(): void }) {
  const { application, replace } = useWorkspace();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [taken, setTaken] = useState(0);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let got: MediaStream | null = null;
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('appUi.camera.unsupported');
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } } }).then(
      (s) => {
        got = s;
        if (!live) return s.getTracks().forEach((tr) => tr.stop());
        setStream(s);
      },
      (e: unknown) => live && setProblem(cameraProblem(e)),
    );
    return () => {
      live = false;
      got?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  const captureButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
    if (stream) captureButton.current?.focus();
  }, [stream]);

  // one page at a time (a click while the last one is still being saved is ignored)
  const inFlight = useRef(false);
  const capture = async () => {
    const v = video.current;
    if (!v || !stream || inFlight.current || !v.videoWidth) return;
    inFlight.current = true;
    setSaving(true);
    setError(null);
    try {
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      canvas.getContext('2d')!.drawImage(v, 0, 0);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
      if (!blob) throw new Error('toBlob');
      const n = taken + 1;
      const file = new File([blob], t('appUi.camera.fileName', { n }), { type: 'image/jpeg' });
      const out = await addFiles(application.id, material.id, [file], 'camera');
      if (out.application) replace(out.application);
      setRefused(out.refused);
      if (!out.refused.length) setTaken(n);
    } catch (e) {
      setError(e instanceof Error && e.message === 'toBlob' ? t('appUi.camera.failed') : errorData(e).message);
    } finally {
      setSaving(false);
      inFlight.current = false;
    }
  };

  // Space takes the page wherever the focus is in the dialog, and never presses a button as well
  const latestCapture = useRef(capture);
  latestCapture.current = capture;
  useEffect(() => {
    const isSpace = (e: KeyboardEvent) => e.code === 'Space' || e.key === ' ';
    const down = (e: KeyboardEvent) => {
      if (!isSpace(e) || isTyping(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) void latestCapture.current();
    };
    const up = (e: KeyboardEvent) => {
      if (!isSpace(e) || isTyping(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up, true);
    return () => {
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keyup', up, true);
    };
  }, []);

  return (
    <div data-testid="camera-panel">
      {problem ? (
        <Alert type="error" showIcon role="alert" title={t(problem)} description={t('appUi.camera.otherWays')} data-testid="camera-problem" />
      ) : (
        <div style={{ background: '#000', borderRadius: 6, overflow: 'hidden', height: 'calc(100vh - 300px)', maxHeight: 440, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {stream ? (
            <video ref={video} autoPlay muted playsInline data-testid="camera-video" style={{ maxWidth: '100%', maxHeight: '100%' }} />
          ) : (
            <Spin tip={t('appUi.camera.starting')}>
              <div style={{ width: 200, height: 80 }} />
            </Spin>
          )}
        </div>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      {refused.map((r, i) => (
        <Alert key={i} type="warning" showIcon role="alert" title={`${r.name}${t('common.separator')}${r.message}`} style={{ marginTop: 8 }} />
      ))}
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text data-testid="camera-taken">{t('appUi.camera.taken', { n: taken })}</Typography.Text>
        <Flex gap={8}>
          <Button type="primary" icon={<CameraOutlined />} ref={captureButton} disabled={!stream} loading={saving} onClick={() => void capture()}>
            {t('appUi.camera.capture')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Flex>
      </Flex>
    </div>
  );
}
