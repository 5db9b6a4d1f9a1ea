import { fireEvent, render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { InterviewWidget, type InterviewWidgetProps } from "./InterviewWidget";

function show(props: Partial<InterviewWidgetProps> = {}) {
  const onRate = vi.fn();
  render(
    <InterviewWidget
      link={{ kind: "ready", profileUrl: "https://sr.example/app/people/candidates/c1" }}
      rating={null}
      save={{ kind: "idle" }}
      onRate={onRate}
      {...props}
    />,
  );
  return onRate;
}

describe("InterviewWidget", () => {
  it("links to the candidate's profile in a new tab", () => {
    show();
    const link = screen.getByRole("link", { name: "View in SmartRecruiters" });
    expect(link.getAttribute("href")).toBe("https://sr.example/app/people/candidates/c1");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener");
  });

  it("rates on click and shows the held rating as pressed", () => {
    const onRate = show({ rating: "maybe" });
    expect(screen.getByRole("button", { name: "Maybe" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Yes" }).getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(screen.getByRole("button", { name: "Yes" }));
    expect(onRate).toHaveBeenCalledWith("yes");
  });

  it("withdraws the rating when the pressed button is clicked again", () => {
    const onRate = show({ rating: "no" });
    fireEvent.click(screen.getByRole("button", { name: "No" }));
    expect(onRate).toHaveBeenCalledWith(null);
  });

  it("disables the link and the buttons, with the reason, while the candidate is not found", () => {
    show({ link: { kind: "unavailable", reason: "Not in SmartRecruiters yet." } });
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("Not in SmartRecruiters yet.")).toBeTruthy();
    for (const name of ["Yes", "Maybe", "No"])
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows saving, then a failure with its reason and a retry", () => {
    show({ save: { kind: "saving", rating: "yes" } });
    expect(screen.getByText("Saving…")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Yes" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("offers a retry after a failed save", () => {
    const onRate = show({ save: { kind: "failed", reason: "SmartRecruiters had a server error (503).", retry: "maybe" } });
    expect(screen.getByRole("alert").textContent).toContain("server error (503)");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRate).toHaveBeenCalledWith("maybe");
  });

  it("shows a queued rating as pressed, with why it is queued", () => {
    show({
      save: { kind: "queued", rating: "no", reason: "SmartRecruiters could not be reached. It will be retried automatically." },
    });
    expect(screen.getByRole("button", { name: "No" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("status").textContent).toContain("Queued: SmartRecruiters could not be reached");
  });

  it("shows a passing notice in place of the status while it lasts", () => {
    show({ save: { kind: "saved" }, notice: "Not counted: use Tab or a click." });
    expect(screen.getByRole("status").textContent).toBe("Not counted: use Tab or a click.");
    expect(screen.queryByText("Saved to SmartRecruiters")).toBeNull();
  });
});
