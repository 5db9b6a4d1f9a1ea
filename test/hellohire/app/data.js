// Scenario data: the session JSON from the server, query-string overrides, and fake details
// (phone, pre-screening answers…) derived deterministically from each person.
import { hash, pick } from "./dom.js";

/** Query parameters kept when navigating with in-app links (display/test settings). */
const STICKY_PARAMS = ["theme", "rerender", "rerenderMs", "stageMs", "chatMs", "interview", "job", "people"];

/** Reads the display/test settings from the current URL. */
export function readConfig(search = window.location.search) {
  const params = new URLSearchParams(search);
  const number = (name, fallback, min) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    const value = Number(raw);
    return Number.isFinite(value) ? Math.max(min, value) : fallback;
  };
  const rerenderOff = params.get("rerender") === "0" || params.get("rerender") === "false";
  return {
    theme: params.get("theme") === "dark" ? "dark" : "light",
    /** Overrides the interview name (room title); null = from the session. */
    interview: params.get("interview"),
    /** Overrides the interview's job title (room header); null = from the session, "" = no job shown. */
    job: params.get("job"),
    /** Replacement queue from `?people=` (base64url JSON), or null. */
    people: decodePeople(params.get("people")),
    /** Period of the candidate-name re-render in ms; 0 = off. */
    rerenderMs: rerenderOff ? 0 : number("rerenderMs", 3000, 0),
    /** Period of the video-stage re-render (audio bars, network) in ms; 0 = off. */
    stageMs: number("stageMs", 100, 0),
    /** Period of fake chat messages in ms; 0 = off. */
    chatMs: number("chatMs", 4000, 0),
    candidate: params.get("candidate"),
    state: params.get("state"),
    after: params.get("after"),
  };
}

/** Decodes `?people=`: base64url (or base64) of a UTF-8 JSON array of {firstName,lastName,email}. */
export function decodePeople(value) {
  if (value === null || value === "") return null;
  try {
    let base64 = value.replace(/-/g, "+").replace(/_/g, "/").replace(/\s/g, "");
    while (base64.length % 4 !== 0) base64 += "=";
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const parsed = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(parsed)) throw new Error("people must be a JSON array");
    return normalizePeople(parsed);
  } catch (error) {
    console.warn("[hellohire fixture] ignoring invalid ?people=", error);
    return null;
  }
}

/** Gives every person a unique key and normalises email (missing/empty → null). */
export function normalizePeople(list) {
  const seen = new Set();
  return list.map((raw, index) => {
    const person = raw && typeof raw === "object" ? raw : {};
    let key = typeof person.key === "string" && person.key !== "" ? person.key : `p${index + 1}`;
    while (seen.has(key)) key = `${key}-${index + 1}`;
    seen.add(key);
    return {
      key,
      firstName: String(person.firstName ?? ""),
      lastName: String(person.lastName ?? ""),
      email: typeof person.email === "string" && person.email !== "" ? person.email : null,
    };
  });
}

/** `first + " " + last`, exactly as Hellohire renders the heading. */
export function fullName(person) {
  return `${person.firstName} ${person.lastName}`;
}

/** A path with the sticky query parameters of the current URL, plus `extra`. */
export function appHref(path, extra = {}) {
  const current = new URLSearchParams(window.location.search);
  const next = new URLSearchParams();
  for (const name of STICKY_PARAMS) {
    const value = current.get(name);
    if (value !== null) next.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === null || value === undefined) next.delete(name);
    else next.set(name, String(value));
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

const AREA_CODES = ["312", "773", "630", "708", "815", "224"];
const CITIES = ["Chicago, IL", "Naperville, IL", "Aurora, IL", "Evanston, IL", "Joliet, IL", "Oak Park, IL"];
const SOURCES = ["Career site", "Indeed", "Text-to-apply", "QR code flyer", "Referral"];
const SHIFTS = ["Mornings, weekdays", "Evenings and weekends", "Any shift", "Nights (10 PM – 6 AM)", "Weekends only"];
const EXPERIENCE = ["Less than 1 year", "1–2 years", "3–5 years", "More than 5 years"];
const LANGUAGES = ["English", "English, Spanish", "English, Polish", "English, Mandarin", "English"];
const START = ["Immediately", "Within 2 weeks", "In a month"];

/** Fake but stable details Hellohire would show for a registered candidate. */
export function detailsFor(person) {
  const seed = `${person.key}|${person.firstName}|${person.lastName}`;
  const n = hash(seed);
  const hue = n % 360;
  return {
    phone: `(${pick(AREA_CODES, `${seed}:area`)}) 555-01${String(n % 100).padStart(2, "0")}`,
    city: pick(CITIES, `${seed}:city`),
    source: pick(SOURCES, `${seed}:source`),
    hue,
    resume: `${(person.firstName || "Candidate").replace(/[^\p{L}\p{N}]+/gu, "_")}_Resume.pdf`,
    answers: [
      { question: "Are you 18 years of age or older?", answer: "Yes" },
      { question: "Are you legally authorized to work in the United States?", answer: "Yes" },
      { question: "Which shifts are you available for?", answer: pick(SHIFTS, `${seed}:shift`) },
      { question: "Years of customer service experience", answer: pick(EXPERIENCE, `${seed}:exp`) },
      { question: "Languages spoken", answer: pick(LANGUAGES, `${seed}:lang`) },
      { question: "When could you start?", answer: pick(START, `${seed}:start`) },
    ],
  };
}

/** Registration slot label for the n-th person of a queue. */
export function slotFor(index) {
  const minutes = 10 * 60 + index * 10;
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const suffix = hour >= 12 ? "PM" : "AM";
  const displayHour = hour > 12 ? hour - 12 : hour;
  return `${displayHour}:${String(minute).padStart(2, "0")} ${suffix}`;
}

/** Loads `/api/session`. */
export async function loadSession() {
  const response = await fetch("/api/session", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/session: HTTP ${response.status}`);
  return response.json();
}
