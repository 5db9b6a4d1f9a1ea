// Pages that are not interview rooms: the interviewer's dashboard, sign-in and "not found".

import { appHref } from "./data.js";
import { cx, h } from "./dom.js";
import { icon } from "./icons.js";
import { css } from "./styles.js";
import { badge, button, linkButton, logo } from "./ui.js";

const FORMAT_LABEL = { "one-on-one": "One-on-one", group: "Group", "in-person": "In person" };
const FORMAT_TONE = { "one-on-one": "brand", group: "warning", "in-person": "neutral" };
const STATUS = {
  live: ["Live now", "success"],
  upcoming: ["Upcoming", "brand"],
  ended: ["Ended", "neutral"],
};

/**
 * @param {{ session: any, config: any }} ctx
 */
export function createDashboard(ctx) {
  const { session, config } = ctx;
  const queueSize = (config.people ?? session.queue).length;
  const first = session.interviewer.name.split(" ")[0];
  const liveInterviews = session.events.filter((event) => event.status === "live").flatMap((event) => event.interviews);

  const stat = (label, value, hint, iconName) =>
    h(
      "div",
      { class: css.Dashboard.stat },
      h("span", { class: css.Dashboard.statIcon }, icon(iconName, { size: 18 })),
      h(
        "div",
        null,
        h("div", { class: css.Dashboard.statValue }, value),
        h("div", { class: css.Dashboard.statLabel }, label),
        h("div", { class: css.Dashboard.statHint }, hint),
      ),
    );

  const interviewRow = (interview) => {
    const name = interview.id === "int-csr" && config.interview !== null ? config.interview : interview.name;
    const registered = interview.id === "int-csr" ? queueSize : interview.registered;
    return h(
      "tr",
      { class: css.Dashboard.row, "data-testid": "interview-row" },
      h(
        "td",
        { class: css.Dashboard.cell },
        interview.roomPath
          ? h("a", { href: appHref(interview.roomPath), class: css.Dashboard.interviewName }, name)
          : h("span", { class: css.Dashboard.interviewName }, name),
        h("div", { class: css.Dashboard.sub }, interview.id === "int-csr" && config.job !== null ? config.job : interview.job),
      ),
      h(
        "td",
        { class: css.Dashboard.cell },
        badge(FORMAT_LABEL[interview.format] ?? interview.format, FORMAT_TONE[interview.format] ?? "neutral"),
      ),
      h(
        "td",
        { class: css.Dashboard.cell },
        interview.session,
        h("div", { class: css.Dashboard.sub }, `${interview.lengthMinutes} min each`),
      ),
      h("td", { class: cx(css.Dashboard.cell, css.Dashboard.numeric) }, String(registered)),
      h(
        "td",
        { class: cx(css.Dashboard.cell, css.Dashboard.actionCell) },
        interview.roomPath
          ? linkButton("Join room", appHref(interview.roomPath), { icon: "video", testid: "join-room" })
          : button("View", { tone: "ghost", disabled: true }),
      ),
    );
  };

  const eventCard = (event) => {
    const [label, tone] = STATUS[event.status] ?? ["", "neutral"];
    return h(
      "section",
      { class: css.Dashboard.event, "data-testid": "hiring-event", "aria-label": event.name },
      h(
        "header",
        { class: css.Dashboard.eventHeader },
        h(
          "div",
          null,
          h("h2", { class: css.Dashboard.eventName }, event.name),
          h(
            "div",
            { class: css.Dashboard.eventMeta },
            h("span", null, icon("calendar", { size: 14 }), event.when),
            h("span", null, icon("mapPin", { size: 14 }), event.location),
          ),
        ),
        badge(label, tone, { dot: event.status === "live" }),
      ),
      h(
        "table",
        { class: css.Dashboard.table },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Interview", "Format", "Session", "Registered", ""].map((title) =>
              h("th", { class: cx(css.Dashboard.th, title === "Registered" && css.Dashboard.numeric), scope: "col" }, title),
            ),
          ),
        ),
        h("tbody", null, event.interviews.map(interviewRow)),
      ),
    );
  };

  const node = h(
    "main",
    { class: css.Dashboard.page, "data-testid": "events-dashboard" },
    h(
      "div",
      { class: css.Dashboard.hero },
      h(
        "div",
        null,
        h("h1", { class: css.Dashboard.greeting }, `Good morning, ${first}`),
        h(
          "p",
          { class: css.Dashboard.subtitle },
          `You have ${liveInterviews.length} interviews today at ${session.organization}.`,
        ),
      ),
      linkButton("Go to live room", appHref("/events/evt-1/interviews/int-csr/room"), { icon: "video" }),
    ),
    h(
      "div",
      { class: css.Dashboard.stats },
      stat("Interviews today", String(liveInterviews.length), "1 one-on-one · 1 group", "calendar"),
      stat("Candidates registered", String(queueSize + 3), "+4 since yesterday", "users"),
      stat("Avg. interview length", "9 min", "Target: 10 min", "clock"),
      stat("Scorecards pending", "2", "Due by end of day", "file"),
    ),
    h("h2", { class: css.Dashboard.sectionTitle }, "Your hiring events"),
    h("div", { class: css.Dashboard.events }, session.events.map(eventCard)),
  );

  return { route: "events", format: null, node, destroy() {} };
}

/**
 * @param {{ navigate: (href: string) => void }} ctx
 */
export function createSignIn(ctx) {
  const field = (label, props) =>
    h(
      "label",
      { class: css.SignIn.field },
      h("span", { class: css.SignIn.label }, label),
      h("input", { class: css.SignIn.input, ...props }),
    );
  const node = h(
    "main",
    { class: css.SignIn.page, "data-testid": "sign-in" },
    h(
      "section",
      { class: css.SignIn.brandPanel, "aria-hidden": "true" },
      logo(),
      h(
        "div",
        { class: css.SignIn.pitch },
        h("p", { class: css.SignIn.tagline }, "Hire hourly teams in days, not weeks."),
        h(
          "p",
          { class: css.SignIn.pitchText },
          "Run virtual hiring events, interview candidates back to back and keep your ATS up to date.",
        ),
      ),
      h(
        "figure",
        { class: css.SignIn.quote },
        h("blockquote", null, "“We interviewed 60 candidates in one afternoon and made 22 offers the same week.”"),
        h("figcaption", null, "Talent Acquisition Lead, regional logistics company"),
      ),
    ),
    h(
      "section",
      { class: css.SignIn.formPanel },
      h(
        "form",
        {
          class: css.SignIn.card,
          onSubmit: (event) => {
            event.preventDefault();
            ctx.navigate("/events");
          },
        },
        h("h1", { class: css.SignIn.title }, "Sign in to Hellohire"),
        h("p", { class: css.SignIn.subtitle }, "Welcome back! Use your work email."),
        field("Work email", { type: "email", name: "email", autocomplete: "username", value: "dana.reyes@example.com" }),
        field("Password", {
          type: "password",
          name: "password",
          autocomplete: "current-password",
          placeholder: "Enter your password",
        }),
        h(
          "div",
          { class: css.SignIn.row },
          h("label", { class: css.SignIn.checkbox }, h("input", { type: "checkbox", checked: true }), "Keep me signed in"),
          h("a", { href: appHref("/sign-in"), class: css.SignIn.link }, "Forgot password?"),
        ),
        h(
          "button",
          {
            type: "submit",
            class: cx(css.Button.button, css.Button.primary, css.SignIn.submit),
            "data-testid": "sign-in-submit",
          },
          "Sign in",
        ),
        h("div", { class: css.SignIn.divider }, h("span", null, "or")),
        h(
          "button",
          { type: "button", class: cx(css.Button.button, css.Button.secondary, css.SignIn.submit) },
          icon("lock", { size: 16 }),
          "Sign in with SSO",
        ),
        h("p", { class: css.SignIn.footer }, "Protected by single sign-on and two-factor authentication."),
      ),
    ),
  );
  return { route: "sign-in", format: null, node, destroy() {} };
}

export function createNotFound() {
  const node = h(
    "main",
    { class: css.NotFound.page, "data-testid": "not-found" },
    h("p", { class: css.NotFound.code }, "404"),
    h("h1", { class: css.NotFound.title }, "We couldn't find that page"),
    h("p", { class: css.NotFound.text }, "The interview may have ended, or you were not added to it."),
    linkButton("Back to events", appHref("/events"), { icon: "arrowLeft" }),
  );
  return { route: "not-found", format: null, node, destroy() {} };
}
