import packageJson from '../../package.json' with { type: 'json' };

/** The version every process reports, from package.json. */
export const appVersion: string = packageJson.version;
