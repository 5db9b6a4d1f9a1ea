/**
 * Whether text is an email address SmartRecruiters could hold: checked before any call, so a page
 * cannot make us search for arbitrary text. Practical syntax (RFC 5321 lengths, a dotted domain of
 * letters, digits and hyphens, Unicode letters allowed), not every form the RFCs permit.
 */
const localPart = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const domainLabel = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function isEmailAddress(text: string): boolean {
  if (text.length > 254) return false;
  const at = text.lastIndexOf("@");
  if (at <= 0 || at > 64) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split(".");
  return (
    localPart.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => domainLabel.test(label)) &&
    !/^\d+$/u.test(labels.at(-1) ?? "")
  );
}
