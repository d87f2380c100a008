/**
 * A URL from a matrix file is untrusted: only http and https may become a link. Anything else
 * (javascript:, data:, relative paths) yields undefined and is shown as text, if at all.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.toString()
      : undefined;
  } catch {
    return undefined;
  }
}
