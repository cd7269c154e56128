import { describe, expect, it } from "vitest";
import { parseEnv } from "#app/utils/env.server";

describe("environment", () => {
  it("has working defaults for a local trial", () => {
    const env = parseEnv({});
    expect(env.DATABASE_PATH).toBe("data/workbench.sqlite");
    expect(env.UPLOADS_PATH).toBe("data/uploads");
    expect(env.PORT).toBe(3000);
    expect(env.MAX_UPLOAD_MB).toBe(25);
    expect(env.seedDemo).toBe(true);
  });

  it("requires a session secret in production and keeps demo accounts off unless DEMO=1", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow("Invalid environment: SESSION_SECRET is required when NODE_ENV=production");
    const secret = "x".repeat(40);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret }).seedDemo).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret, DEMO: "1" }).seedDemo).toBe(true);
  });

  it("names the bad variable in one line", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^Invalid environment: PORT .* \(got "eighty"\)$/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ SMTP_URL: "not a url" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SQLITE_SYNCHRONOUS: "off" })).toThrow(/^Invalid environment: SQLITE_SYNCHRONOUS .* \(got "off"\)$/);
  });

  it("commits with synchronous=NORMAL unless SQLITE_SYNCHRONOUS=full", () => {
    expect(parseEnv({}).SQLITE_SYNCHRONOUS).toBe("normal");
    expect(parseEnv({ SQLITE_SYNCHRONOUS: "full" }).SQLITE_SYNCHRONOUS).toBe("full");
  });

  it("reads TRUST_PROXY as the list of proxies whose X-Forwarded-For is believed", () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual([]);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.5, 192.168.0.0/16,loopback" }).TRUST_PROXY).toEqual(["10.0.0.5", "192.168.0.0/16", "loopback"]);
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/^Invalid environment: TRUST_PROXY must be a comma-separated list/);
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY/);
  });
});
