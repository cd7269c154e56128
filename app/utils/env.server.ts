import proxyaddr from "proxy-addr";
import { z } from "zod";
import { SYNCHRONOUS_MODES } from "#db/client";

const DEV_SESSION_SECRET = "development-only-session-secret-change-me";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_PATH: z.string().min(1).default("data/workbench.sqlite"),
    // Set, the app runs on this PostgreSQL database instead of the SQLite file (docs/decisions/0032).
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/./, "must be a postgres:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    UPLOADS_PATH: z.string().min(1).default("data/uploads"),
    MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("workbench@localhost"),
    // Where the accessibility statement (/accessibility) tells people to report a barrier; MAIL_FROM's address if unset.
    ACCESSIBILITY_CONTACT: z.email().optional(),
    // The address people open the app at, for links in mails sent after the request that caused them.
    APP_URL: z
      .url()
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
    DEMO: z.enum(["0", "1"]).optional(),
    SQLITE_SYNCHRONOUS: z.enum(SYNCHRONOUS_MODES).default("normal"),
    // The reverse proxies whose X-Forwarded-For is believed: addresses, CIDR ranges, or
    // proxy-addr's names (loopback, linklocal, uniquelocal), comma-separated. Empty: none.
    TRUST_PROXY: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean),
      )
      .refine((list) => {
        try {
          proxyaddr.compile(list);
          return true;
        } catch {
          return false;
        }
      }, "must be a comma-separated list of IP addresses, CIDR ranges, or loopback, linklocal, uniquelocal"),
  })
  .transform((env, ctx) => {
    if (!env.SESSION_SECRET && env.NODE_ENV === "production") {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required when NODE_ENV=production" });
      return z.NEVER;
    }
    return {
      ...env,
      SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
      // Demo accounts have a published password, so production gets them only on explicit request.
      seedDemo: env.NODE_ENV !== "production" || env.DEMO === "1",
    };
  });

export type Env = z.output<typeof EnvSchema>;

/** Parses the environment; the message names the variable so start-up can print one clear line. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = issue.path.join(".");
    throw new Error(`Invalid environment: ${name} ${issue.message} (got ${JSON.stringify(source[name] ?? null)})`);
  }
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
