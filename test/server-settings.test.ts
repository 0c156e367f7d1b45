import { describe, expect, it } from "vitest";
import { serverSettings } from "../src/server-settings.js";

describe("the server's settings", () => {
  it("default to 127.0.0.1:3000, a worker per core and the info log level", () => {
    expect(serverSettings({}, 2)).toEqual({ host: "127.0.0.1", port: 3000, workers: 2, logLevel: "info" });
  });

  it("take up to four workers a core", () => {
    expect(serverSettings({ WEB_CONCURRENCY: "8" }, 2)).toMatchObject({ workers: 8 });
  });

  it("take what the environment says", () => {
    expect(serverSettings({ HOST: "0.0.0.0", PORT: "8080", WEB_CONCURRENCY: "1", LOG_LEVEL: "warn" }, 2)).toEqual({ host: "0.0.0.0", port: 8080, workers: 1, logLevel: "warn" });
  });

  it.each([
    [{ PORT: "abc" }, "PORT=abc: must be a whole number from 0 to 65535"],
    [{ PORT: "70000" }, "PORT=70000: must be a whole number from 0 to 65535"],
    [{ PORT: "-1" }, "PORT=-1: must be a whole number from 0 to 65535"],
    [{ WEB_CONCURRENCY: "zero" }, "WEB_CONCURRENCY=zero: must be a whole number of worker processes from 1 to 8 (4 a core)"],
    [{ WEB_CONCURRENCY: "0" }, "WEB_CONCURRENCY=0: must be a whole number of worker processes from 1 to 8 (4 a core)"],
    [{ WEB_CONCURRENCY: "5000" }, "WEB_CONCURRENCY=5000: must be a whole number of worker processes from 1 to 8 (4 a core)"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL=loud: must be one of fatal, error, warn, info, debug, trace, silent"],
    [{ HOST: " " }, "HOST= : must name an address to listen on, such as 127.0.0.1"],
  ])("name a setting that cannot be used, with what it must be: %j", (env, problem) => {
    expect(serverSettings(env, 2)).toEqual({ problems: [problem] });
  });

  it("name every such setting at once", () => {
    expect(serverSettings({ PORT: "x", LOG_LEVEL: "y" }, 2)).toEqual({ problems: [expect.stringMatching(/^PORT=x/), expect.stringMatching(/^LOG_LEVEL=y/)] });
  });
});
