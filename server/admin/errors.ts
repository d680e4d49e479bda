import { t, type MessageKey, type MessageParams } from '@shared/i18n';

/** An admin command that cannot be done: its message is for the administrator (catalogue, zh-CN). */
export class AdminError extends Error {
  constructor(readonly key: MessageKey, readonly params?: MessageParams) {
    super(t(key, params));
  }
}
