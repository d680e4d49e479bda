// `npm run central -- <command> … --option value …`: words and options, each option possibly repeated.

export interface Args {
  words: string[];
  options: Map<string, string[]>;
}

const FLAGS = new Set(['help', 'machine']);

export function parseArgs(argv: readonly string[]): Args {
  const words: string[] = [];
  const options = new Map<string, string[]>();
  const add = (k: string, v: string) => options.set(k, [...(options.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') add('help', '');
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) add(a.slice(2, eq), a.slice(eq + 1));
      else if (FLAGS.has(a.slice(2))) add(a.slice(2), '');
      else add(a.slice(2), argv[++i] ?? '');
    } else words.push(a);
  }
  return { words, options };
}

export const option = (args: Args, name: string): string | undefined => args.options.get(name)?.at(-1);

/** Back to argv (for the admin door of a running centre). */
export function toArgv(args: Args): string[] {
  return [...args.words, ...[...args.options].flatMap(([k, vs]) => vs.flatMap((v) => (FLAGS.has(k) ? [`--${k}`] : [`--${k}`, v])))];
}
