import readline from 'node:readline';

/** Asks for a password without echoing it (on a terminal); from a pipe, reads one line. */
export function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const tty = process.stdin.isTTY === true;
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
    if (tty) {
      // readline echoes through _writeToOutput; show the question and nothing of the answer
      const out = rl as unknown as { _writeToOutput(s: string): void };
      out._writeToOutput = (s: string) => {
        if (s.startsWith(question) || s === '\r\n' || s === '\n') process.stdout.write(s);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
