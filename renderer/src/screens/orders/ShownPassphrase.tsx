import { useEffect, useRef, useState } from 'react';
import { clipboardSeconds, copySecret } from '../../lib/clipboard';

/**
 * A passphrase Giftdesk made, shown this once: in its groups (a line breaks only between them, never inside one),
 * with Copy, whose copy is wiped from the clipboard after the Settings page's time like every other copy.
 */
export function ShownPassphrase({ passphrase }: { passphrase: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // A block body: Chromium's scrollIntoView may return a promise, which React would take for a clean-up.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const groups = passphrase.split('-');
  const copy = () =>
    void copySecret(passphrase).then(
      () => setCopied(`Copied. Giftdesk wipes it from the clipboard in ${clipboardSeconds()} s.`),
      () => setCopied('Could not copy: select it and copy it by hand.'),
    );
  return (
    <div className="notice passphrase" role="status" ref={box}>
      <p>Passphrase, shown this once — give it to the recipient another way than the file:</p>
      <div className="passphrase-line">
        <code aria-label="Generated passphrase">
          {groups.map((g, i) => (
            <span key={i} className="nowrap">
              {g}
              {i < groups.length - 1 && '-'}
              {i < groups.length - 1 && <wbr />}
            </span>
          ))}
        </code>
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      {copied && <p className="hint">{copied}</p>}
    </div>
  );
}
