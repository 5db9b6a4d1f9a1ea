/** Equal as people write names and addresses: case, Unicode form and runs of spaces ignored. */
export function sameText(a: string, b: string): boolean {
  return normaliseText(a) === normaliseText(b);
}

export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}
