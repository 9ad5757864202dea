import type { StoreProblemKind } from '../../../src-preload/contract';

export type StoreProblemChoice = 'retry' | 'show-folder' | 'set-aside' | 'erase-again' | 'quit';

export interface StoreProblemText {
  title: string;
  /** What it means for the data, in plain words: for every kind but `wipe-incomplete`, it is intact. */
  explanation: string;
  /** The ways out, in the order shown; the first is the suggested one. */
  choices: StoreProblemChoice[];
}

/** Each cause, its words and its choices. None of them offers to erase data that is still intact. */
export const STORE_PROBLEM_TEXT: Record<StoreProblemKind, StoreProblemText> = {
  busy: {
    title: 'Social Desk is already open',
    explanation:
      'Another Social Desk — a second window or its command line — is using your data right now. Your data is fine. This screen tries again every few seconds and opens as soon as the other one has finished or quit.',
    choices: ['retry', 'quit'],
  },
  'disk-full': {
    title: 'The disk is full',
    explanation:
      'There is no space left on the disk that holds your Social Desk data, so it cannot be opened safely. Your data is intact. Free some space (empty the bin, remove large files), then try again.',
    choices: ['retry', 'show-folder', 'quit'],
  },
  'read-only': {
    title: "Social Desk can't write to its data folder",
    explanation:
      'The folder that holds your data is read-only, or this user is not allowed to change it (a disk mounted read-only, a locked drive, changed permissions). Your data is intact. Fix the folder or the disk, then try again.',
    choices: ['retry', 'show-folder', 'quit'],
  },
  damaged: {
    title: 'The local database is damaged',
    explanation:
      'The database file in your data folder is missing, empty, or not one Social Desk can read with its key. Social Desk will not replace it silently. You can keep a copy of it (with its key) in the data folder and start fresh: your accounts sync their history again from Meta. Or quit and restore the folder from a backup.',
    choices: ['set-aside', 'show-folder', 'quit'],
  },
  'newer-version': {
    title: 'This data needs a newer Social Desk',
    explanation: 'A newer version of Social Desk wrote this data. Nothing was changed. Update Social Desk to open it.',
    choices: ['show-folder', 'quit'],
  },
  'wipe-incomplete': {
    title: 'The erase did not finish',
    explanation:
      'Some of what Social Desk stored could not be removed. It is listed below with the reason. Fix the cause (for example a read-only disk), then erase what is left.',
    choices: ['erase-again', 'show-folder', 'quit'],
  },
  unreadable: {
    title: "Your data couldn't be opened",
    explanation: 'Social Desk could not open its data for the reason below. Nothing was changed, and your data stays as it is.',
    choices: ['retry', 'show-folder', 'quit'],
  },
};

/** How often the busy screen tries again on its own. */
export const BUSY_RETRY_MS = 4000;
