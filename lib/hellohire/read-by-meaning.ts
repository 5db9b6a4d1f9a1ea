import { isEmailAddress } from "../sync/email-syntax";
import { type Field, isHidden, scanPage } from "./meaning-fields";
import { comparable } from "./meaning-labels";
import { commonAncestor, findNameElement } from "./meaning-name";
import { cleanText, cutJobTitle, type PageReading } from "./read-page";

const notInterview: PageReading = { kind: "not-interview" };

/** The first shown element of a list. */
function firstShown(elements: Iterable<Element>): Element | null {
  for (const element of elements) if (!isHidden(element)) return element;
  return null;
}

/** The page's main content: the first shown `main` (else role=main: queried only then, an attribute query costs more), else the body. */
function roomOf(document: Document): Element | null {
  return (
    firstShown(document.getElementsByTagName("main")) ?? firstShown(document.querySelectorAll("[role~=main]")) ?? document.body
  );
}

/** The one value shown for a kind of field (the same value shown twice counts once); null when none or several. */
function onlyValue(fields: readonly Field[], same: (value: string) => string = (value) => value): string | null {
  const values = new Set(fields.map((field) => same(field.value)));
  return values.size === 1 ? (fields[0]?.value ?? null) : null;
}

function fieldElements(fields: readonly Field[]): Element[] {
  return fields.flatMap((field) => (field.labelElement ? [field.valueElement, field.labelElement] : [field.valueElement]));
}

const separator = String.raw`\s*[|·•–—-]\s*`;
const appSuffix = new RegExp(`${separator}hellohire\\s*$`, "iu");

/**
 * The interview's name from document.title, for pages without a main heading: the " | Hellohire"-style suffix cut,
 * and a leading "{candidate} ·" cut (titles often name the person first).
 */
function nameFromDocumentTitle(title: string, candidateName: string): string {
  const text = cleanText(title).replace(appSuffix, "");
  const parts = text.split(new RegExp(separator, "u"));
  return parts.length > 1 && comparable(parts[0]) === comparable(candidateName)
    ? text.replace(new RegExp(`^[^|·•–—-]*?${separator}`, "u"), "")
    : text;
}

/** The page's main heading (a first-level heading that is not the candidate's name), in the room, else anywhere. */
function mainHeading(document: Document, room: Element, name: Element): Element | null {
  const isMain = (heading: Element) =>
    !heading.contains(name) && !name.contains(heading) && !isHidden(heading) && cleanText(heading.textContent) !== "";
  for (const scope of [room, document]) {
    for (const heading of scope.getElementsByTagName("h1")) if (isMain(heading)) return heading;
    for (const heading of scope.querySelectorAll('[role~=heading][aria-level="1"]')) if (isMain(heading)) return heading;
  }
  return null;
}

/**
 * The job title: the one labelled job value in the room (else elsewhere on the page: a side bar); those near the
 * candidate first when several; null when none or unclear.
 */
function jobTitleOf(jobs: readonly Field[], room: Element, region: Element): string | null {
  const inRoom = jobs.filter((field) => room.contains(field.valueElement));
  const pool = inRoom.length ? inRoom : jobs;
  const near = pool.filter((field) => region.contains(field.valueElement));
  const value = onlyValue(pool, comparable) ?? onlyValue(near, comparable);
  return value ? cutJobTitle(value) : null;
}

function read(document: Document): PageReading {
  const room = roomOf(document);
  if (!room) return notInterview;
  // One walk over the whole page: the candidate's fields count in the room only, a job title may sit beside it.
  const { fields, texts } = scanPage(document.body ?? room);
  const ofKind = (kind: Field["kind"]) =>
    fields.filter((field) => field.kind === kind && (kind === "job" || room.contains(field.valueElement)));
  const firsts = ofKind("firstName");
  const lasts = ofKind("lastName");
  // Exactly one candidate: every labelled first name the same, every last name the same.
  const firstName = onlyValue(firsts);
  const lastName = onlyValue(lasts);
  if (!firstName || !lastName) return notInterview;
  const nameValues = [...firsts, ...lasts].map((field) => field.valueElement);
  const anchor = findNameElement(room, texts, firstName, lastName, nameValues);
  if (anchor === null || anchor === "ambiguous") return notInterview;
  const core = commonAncestor([anchor, ...fieldElements([...firsts, ...lasts])]);
  if (!core) return notInterview;
  // The email: a labelled value that is an address; those beside the name first; two different ones: unclear.
  const addresses = ofKind("email").filter((field) => isEmailAddress(field.value));
  const near = addresses.filter((field) => core.contains(field.valueElement));
  const emails = near.length ? near : addresses;
  const email = onlyValue(emails, (value) => value.toLowerCase());
  if (emails.length && !email) return notInterview;
  const region = email ? (commonAncestor([core, ...fieldElements(emails)]) ?? core) : core;
  const title = mainHeading(document, room, anchor);
  const candidateName = `${firstName} ${lastName}`;
  const interviewName = title ? cleanText(title.textContent) : nameFromDocumentTitle(document.title, candidateName);
  if (!interviewName) return notInterview;
  return {
    kind: "one-on-one",
    interviewName,
    jobTitle: jobTitleOf(ofKind("job"), room, region),
    candidate: { firstName, lastName, email },
    anchor,
    reader: "meaning",
    region,
    title,
    room,
  };
}

/**
 * The reader by meaning (issue 14): reads a one-on-one interview from what the page says (labelled
 * first name, last name and email, the heading showing that name, the main heading) rather than from
 * its markup, for pages the markup table cannot read. Anything unclear (several candidates, no name
 * element, two of them, a list of people, a form) is "not-interview": nothing is better than the
 * wrong person. Never throws.
 */
export function readByMeaning(document: Document): PageReading {
  try {
    return read(document);
  } catch {
    return notInterview;
  }
}
