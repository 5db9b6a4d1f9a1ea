import { escapeHtml } from "./http";
import type { SandboxCandidate } from "./types";

/** The sandbox's HTML pages: candidate profile, OAuth consent and error pages. */

function page(title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    "</head>",
    "<body>",
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Stands in for https://www.smartrecruiters.com/app/people/candidates/{id}. */
export function profilePage(candidate: Pick<SandboxCandidate, "id" | "firstName" | "lastName" | "email" | "tags">): string {
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const tags =
    candidate.tags.length === 0
      ? '<p id="candidate-no-tags">No tags</p>'
      : `<ul id="candidate-tags">\n${candidate.tags.map((tag) => `<li class="candidate-tag">${escapeHtml(tag)}</li>`).join("\n")}\n</ul>`;
  return page(
    `${name} - Candidate profile - SmartRecruiters sandbox`,
    [
      `<main data-candidate-id="${escapeHtml(candidate.id)}">`,
      "<h1>Candidate profile</h1>",
      `<p id="candidate-name">${escapeHtml(name)}</p>`,
      `<p id="candidate-email">${escapeHtml(candidate.email)}</p>`,
      "<h2>Tags</h2>",
      tags,
      "</main>",
    ].join("\n"),
  );
}

export function notFoundPage(message: string): string {
  return page("Not found - SmartRecruiters sandbox", `<h1>Not found</h1>\n<p id="error-message">${escapeHtml(message)}</p>`);
}

export function errorPage(title: string, message: string): string {
  return page(
    `${title} - SmartRecruiters sandbox`,
    `<h1>${escapeHtml(title)}</h1>\n<p id="error-message">${escapeHtml(message)}</p>`,
  );
}

/** The "click" authorize page: Allow posts the same parameters back; Deny redirects with access_denied. */
export function consentPage(clientName: string, scopes: readonly string[], fields: Record<string, string>): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const scopeItems = scopes.map((scope) => `<li class="scope">${escapeHtml(scope)}</li>`).join("\n");
  return page(
    "Authorize access - SmartRecruiters sandbox",
    [
      "<h1>Authorize access</h1>",
      `<p><strong id="client-name">${escapeHtml(clientName)}</strong> asks for access to your SmartRecruiters account:</p>`,
      `<ul id="scopes">\n${scopeItems}\n</ul>`,
      '<form method="post" action="/identity/oauth/allow">',
      hidden,
      '<button type="submit" id="allow" name="decision" value="allow">Allow</button>',
      '<button type="submit" id="deny" name="decision" value="deny">Deny</button>',
      "</form>",
    ].join("\n"),
  );
}
