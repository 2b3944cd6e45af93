import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFile } from "@/lib/mail/ics";

describe("calendar file", () => {
  it("is one event a calendar library reads back as written, awkward characters included", () => {
    const start = new Date("2027-03-04T09:30:00Z");
    const title = "Budget, Q3; review \\ planning — ünïcödé ".repeat(4).trim();
    const ics = calendarFile({
      uid: "abc@parley",
      start,
      durationMinutes: 45,
      title,
      description: "Ann invited you.\nJoin: https://meet.example.org/j/x",
      url: "https://meet.example.org/j/x",
    });
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe("abc@parley");
    expect(event.summary).toBe(title);
    expect(event.description).toBe("Ann invited you.\nJoin: https://meet.example.org/j/x");
    expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    expect(event.endDate.toJSDate().getTime() - start.getTime()).toBe(45 * 60_000);
    expect(vevent.getFirstPropertyValue("url")).toBe("https://meet.example.org/j/x");
  });
});
