import pkg from '../../package.json';

/** The app's version, as package.json gives it; written into backups so a restore can name who made them. */
export const APP_VERSION: string = pkg.version;
