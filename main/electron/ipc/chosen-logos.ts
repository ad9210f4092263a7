import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ValidationError } from '../../core/errors';

// The logos a person chose in the open dialog during this window's session. The path stays here in main: the
// window is told the file's name and an id, and a sheet request names the logo by that id.

export interface ChosenLogo {
  id: string;
  name: string;
}

export class ChosenLogos {
  private readonly paths = new Map<string, string>();

  keep(file: string): ChosenLogo {
    const id = randomUUID();
    this.paths.set(id, file);
    return { id, name: path.basename(file) };
  }

  /** The path of a logo chosen before; an id this session did not give is a mistake the window must hear about. */
  pathOf(id: string | null | undefined): string | null {
    if (!id) return null;
    const file = this.paths.get(id);
    if (!file) throw new ValidationError('logo', 'Giftdesk no longer has that logo: choose it again.');
    return file;
  }
}
