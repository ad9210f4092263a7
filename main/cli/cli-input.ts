import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Standard input as the CLI's secrets arrive on it: line by line, the passcode first (when the store needs one),
 * then the command's own secrets. On a terminal, a line is asked for with a prompt on stderr and nothing echoed.
 */
export interface CliInput {
  readonly isTerminal: boolean;
  /** The next line (without its line ending), or null when input has ended. */
  line(prompt: string): Promise<string | null>;
  /** Whatever is left of standard input, for the command ('' on a terminal). */
  rest(): Promise<string>;
}

export function createCliInput(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): CliInput {
  if (stdin.isTTY) return terminalInput(stdin, stderr);
  let all: Promise<string> | undefined;
  let used = 0;
  const read = () =>
    (all ??= (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    })());
  return {
    isTerminal: false,
    async line() {
      const text = await read();
      if (used >= text.length) return null;
      const end = text.indexOf('\n', used);
      const line = text.slice(used, end < 0 ? text.length : end).replace(/\r$/, '');
      used = end < 0 ? text.length : end + 1;
      return line;
    },
    rest: async () => (await read()).slice(used),
  };
}

function terminalInput(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): CliInput {
  return {
    isTerminal: true,
    line(prompt) {
      // Typed characters go to a muted output: the terminal shows the prompt and nothing of the secret.
      let muted = false;
      const output = new Writable({
        write(chunk, _encoding, done) {
          if (!muted) stderr.write(chunk);
          done();
        },
      });
      const rl = createInterface({ input: stdin, output, terminal: true });
      return new Promise((resolve) => {
        rl.question(prompt, (answer) => {
          rl.close();
          stderr.write('\n');
          resolve(answer);
        });
        muted = true;
        rl.once('close', () => resolve(null));
      });
    },
    rest: async () => '',
  };
}
