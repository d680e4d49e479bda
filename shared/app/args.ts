/** The folder name under the OS user-data folder, for Electron and the web host alike. */
export const DATA_FOLDER = 'PolicyDesk';

/** `--name value` or `--name=value` from an argv list. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}
