import { Message } from '../engine/i18n';

/** Bad input the user must fix: reported as one line in Chinese and English, exit code 2. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    readonly messages: Message,
  ) {
    super(messages.en);
  }
}

export function inputError(code: string, zh: string, en: string): InputError {
  return new InputError(code, { zh, en });
}
