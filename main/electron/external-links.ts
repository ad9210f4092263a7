/**
 * Sites the app may open in the user's browser: the providers' portals and help pages. Anything else, including
 * every non-https link, stays unopened: a link in provider text must not become a way to launch arbitrary handlers.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'www.wpay.com.au',
  'wpay.com.au',
  'developer.wpay.com.au',
  'www.blackhawknetwork.com',
  'blackhawknetwork.com',
  'developer.blackhawknetwork.com',
];

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
