import { GiftdeskError } from '../../errors';

export class BackupInvalid extends GiftdeskError {
  readonly kind = 'backup-invalid';
  constructor(file: string, detail: string) {
    super(`${file} is not a usable Giftdesk backup (${detail}). Nothing was changed.`, { field: 'file' });
  }
}

export class BackupTooNew extends GiftdeskError {
  readonly kind = 'backup-too-new';
  constructor(file: string, backupVersion: number, appVersion: number, madeBy: string) {
    super(
      `${file} was made by Giftdesk ${madeBy} with schema version ${backupVersion}; this Giftdesk knows up to version ${appVersion}. ` +
        'Update Giftdesk, then restore it. Nothing was changed.',
      { field: 'file' },
    );
  }
}

/** A backup that did not check out after writing: it was removed, and only a verified backup counts. */
export class BackupVerifyFailed extends GiftdeskError {
  readonly kind = 'backup-verify-failed';
  constructor(detail: string) {
    super(`The backup did not check out after writing (${detail}), so it was removed. Try again; if it fails again, check the disk.`);
  }
}

export class RestoreTargetInUse extends GiftdeskError {
  readonly kind = 'restore-target-in-use';
  constructor(dataDir: string) {
    super(
      `${dataDir} already holds files (a card store, perhaps). Restore into an empty or new folder, or ask to replace it: ` +
        'the folder is then renamed aside, never deleted.',
      { field: 'data-dir' },
    );
  }
}
