import type { ErrorCode, ErrorPayload } from '../../src-preload/contract';

export interface ErrorText {
  /** What happened, in plain words. */
  title: string;
  /** What the person can do next. */
  next: string;
}

/** Every error code in the contract, in words a non-engineer understands (a Record keeps it complete). */
const ERROR_TEXT: Record<ErrorCode, ErrorText> = {
  AUTH_EXPIRED: {
    title: 'Meta needs you to sign in to this account again.',
    next: 'Open Accounts and reconnect it. What is already on this computer stays readable.',
  },
  RATE_LIMITED: {
    title: 'Meta asked us to slow down for a while.',
    next: 'Nothing is lost. New data will arrive automatically in a little while.',
  },
  OFFLINE: {
    title: "You're offline.",
    next: "Everything here is from this computer; new data will arrive when you're back online.",
  },
  KEY_UNAVAILABLE: {
    title: "The key that protects your data on this computer can't be opened.",
    next: 'Restart Social Desk. If this keeps happening, you can start fresh from the recovery screen.',
  },
  LOCKED: {
    title: 'Your data is locked.',
    next: 'Enter your passphrase to open it.',
  },
  WRONG_PASSPHRASE: {
    title: "That passphrase didn't open your data.",
    next: 'Check that Caps Lock is off and try again.',
  },
  INVALID_ARGUMENT: {
    title: "Something in that request wasn't accepted.",
    next: 'Check what you entered and try again.',
  },
  NOT_FOUND: {
    title: "That item isn't on this computer any more.",
    next: 'It may have been removed. Go back and pick another one.',
  },
  CONFLICT: {
    title: 'That was changed somewhere else at the same time.',
    next: 'Try again in a moment.',
  },
  DISK_FULL: {
    title: 'This computer is out of disk space.',
    next: 'Free up some space, then try again. Nothing already saved was lost.',
  },
  READ_ONLY: {
    title: "Social Desk can't write to its data folder.",
    next: 'The folder is read-only or permission is denied. Check the disk and the folder\u2019s permissions, then try again.',
  },
  DAMAGED: {
    title: 'The local database file is damaged.',
    next: 'Nothing was changed. Restart Social Desk to keep a copy of the file and start fresh, or quit.',
  },
  BUSY: {
    title: 'Social Desk is busy finishing another task.',
    next: 'Wait a few seconds and try again.',
  },
  FORBIDDEN: {
    title: "Social Desk isn't allowed to do that.",
    next: 'Check the account\u2019s permissions on Meta, or ask whoever manages the account.',
  },
  INTERNAL: {
    title: 'Something went wrong inside Social Desk.',
    next: 'Try again. If it keeps happening, restart the app.',
  },
};

export function errorText(code: ErrorCode): ErrorText {
  return ERROR_TEXT[code];
}

/** Turn anything thrown into an error payload, so the UI only ever deals with data. */
export function toErrorPayload(thrown: unknown): ErrorPayload {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: 'INTERNAL', message };
}
