import { tool } from './tools';

/** msoffcrypto-tool, with the password on its stdin (never on a command line). */
export function decryptOffice(file: string, password: string, out: string) {
  const script = [
    'import sys, msoffcrypto',
    'f = msoffcrypto.OfficeFile(open(sys.argv[1], "rb"))',
    'f.load_key(password=sys.stdin.readline().rstrip("\\n"))',
    'f.decrypt(open(sys.argv[2], "wb"))',
    'print(f.type)',
  ].join('\n');
  // Debian's python3, where python3-msoffcrypto-tool is installed (another python3 may be first on the PATH).
  return tool('/usr/bin/python3', ['-c', script, file, out], `${password}\n`);
}

